import { describe, expect, it } from "vitest";
import { describeBrowser, describeNetwork } from "./devices";

describe("devices", () => {
  it("names the browser and system from the User-Agent", () => {
    expect(describeBrowser("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toBe("Chrome 131 on Linux");
    expect(describeBrowser("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).toBe("Safari 17 on iOS");
    expect(describeBrowser(null)).toBe("Unknown browser");
  });
  it("shows the network coarsely: IPv4 /24, IPv6 /48", () => {
    expect(describeNetwork("203.0.113.77")).toBe("203.0.113.0/24");
    expect(describeNetwork("::ffff:198.51.100.9")).toBe("198.51.100.0/24");
    expect(describeNetwork("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(describeNetwork("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(describeNetwork("::1")).toBe("this server's own machine (loopback)");
    expect(describeNetwork("127.0.0.1")).toBe("this server's own machine (loopback)");
    expect(describeNetwork("")).toBe("unknown network");
    expect(describeNetwork("not-an-ip")).toBe("unknown network");
  });
});
