"use client";

import { useMemo } from "react";
import { qrCodeOf } from "@/lib/links/qr";

/**
 * The link as a QR code, to open it on a phone. Drawn in the browser: the link goes nowhere. A test
 * link's code has about 100 modules a side, so it is drawn large (up to 24rem) for phone cameras.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const qr = useMemo(() => qrCodeOf(value), [value]);
  if (!qr.ok) return <p className="text-sm text-slate-600">{qr.error}</p>;
  const margin = 4;
  const box = qr.size + margin * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="link-qr"
      viewBox={`${-margin} ${-margin} ${box} ${box}`}
      shapeRendering="crispEdges"
      className="aspect-square w-full max-w-sm rounded-md bg-white ring-1 ring-slate-200"
    >
      <rect x={-margin} y={-margin} width={box} height={box} fill="#fff" />
      <path d={qr.path} fill="#0f172a" />
    </svg>
  );
}
