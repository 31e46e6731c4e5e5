import QRCode from "qrcode";
import type { Result } from "@/lib/result";

/**
 * A QR code of the link, for opening it on a phone, as one SVG path (rendered by React, no HTML
 * injection). Error correction L: test links are long (a 2048-bit token is ~700 characters) and a
 * screen is a clean medium; higher levels make the code denser than phones read comfortably.
 */
export type QrCode = Result<{ size: number; path: string }>;

export function qrCodeOf(text: string): QrCode {
  let modules: { size: number; data: Uint8Array };
  try {
    modules = QRCode.create(text, { errorCorrectionLevel: "L" }).modules;
  } catch {
    return { ok: false, error: "This link is too long for a QR code. Copy it instead." };
  }
  const { size, data } = modules;
  let path = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Runs of dark modules on a row become one rectangle: a much shorter path.
      if (!data[y * size + x] || (x > 0 && data[y * size + x - 1])) continue;
      let run = 1;
      while (x + run < size && data[y * size + x + run]) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
    }
  }
  return { ok: true, size, path };
}

/** Dark modules of a rendered path, for tests: the same count as the QR matrix. */
export function darkModuleCount(path: string): number {
  return [...path.matchAll(/h(\d+)v1/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}
