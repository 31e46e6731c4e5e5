import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
import { csvHeaders, wantsCsv } from "./csv-http";

describe("toCsv", () => {
  it("writes a header row and RFC 4180 quoting with CRLF line ends, in the column order given", () => {
    const csv = toCsv(["name", "note", "count"] as const, [
      { name: "Ada", note: 'says "hi", twice', count: 2 },
      { name: "Line\nbreak", note: null, count: 0 },
    ]);
    expect(csv).toBe('name,note,count\r\nAda,"says ""hi"", twice",2\r\n"Line\nbreak",,0\r\n');
  });

  it("keeps only the header when there are no rows", () => {
    expect(toCsv(["a", "b"] as const, [])).toBe("a,b\r\n");
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    const cells = ['=HYPERLINK("https://evil.example")', "+1 555", "-x", "@SUM(A1)", "\tTab", "Grace = Hopper"];
    const [, ...rows] = toCsv(["cell"] as const, cells.map((cell) => ({ cell }))).trimEnd().split("\r\n");
    expect(rows).toEqual(['"\'=HYPERLINK(""https://evil.example"")"', "'+1 555", "'-x", "'@SUM(A1)", "'\tTab", "Grace = Hopper"]);
  });
});

describe("CSV over HTTP", () => {
  it("names the download and keeps it out of caches", () => {
    expect(csvHeaders("spring-summit-test-links.csv")).toEqual({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="spring-summit-test-links.csv"',
      "Cache-Control": "no-store",
    });
  });

  it("answers CSV only when the client asks for it", () => {
    const ask = (accept?: string) => wantsCsv(new Request("http://localhost/", { headers: accept ? { accept } : {} }));
    expect(ask("text/csv")).toBe(true);
    expect(ask("Text/CSV; charset=utf-8")).toBe(true);
    expect(ask("application/json")).toBe(false);
    expect(ask("*/*")).toBe(false);
    expect(ask()).toBe(false);
  });
});
