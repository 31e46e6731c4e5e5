import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { darkModuleCount, qrCodeOf } from "./qr";

describe("the link's QR code", () => {
  it("draws exactly the QR matrix's dark modules, for a link as long as a real test link", () => {
    const url = `https://events.example.com/e/spring-summit?token=${"eyJhbGciOiJSUzI1NiJ9".repeat(40)}`;
    const qr = qrCodeOf(url);
    if (!qr.ok) throw new Error(qr.error);
    const matrix = QRCode.create(url, { errorCorrectionLevel: "L" }).modules;
    expect(qr.size).toBe(matrix.size);
    expect(darkModuleCount(qr.path)).toBe(Array.from(matrix.data).filter(Boolean).length);
    expect(qr.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  });

  it("says so when a link is too long for any QR code", () => {
    expect(qrCodeOf("x".repeat(8000))).toEqual({ ok: false, error: expect.stringContaining("too long for a QR code") });
  });
});
