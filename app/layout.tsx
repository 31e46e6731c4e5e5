import type { Metadata } from "next";
import { connection } from "next/server";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Event sign-in", template: "%s · Event sign-in" },
  description: "Keys, test links and token checks for your virtual events' JWT sign-in.",
};

/**
 * Sonner's colour variables pointed at the dashboard palette (the same tones as <Alert>), so toasts
 * turn over with every other surface when globals.css flips the palette for a dark system setting.
 */
const TOAST_COLORS = {
  "--normal-bg": "var(--color-white)",
  "--normal-bg-hover": "var(--color-slate-100)",
  "--normal-border": "var(--color-slate-200)",
  "--normal-border-hover": "var(--color-slate-300)",
  "--normal-text": "var(--color-slate-900)",
  "--success-bg": "var(--color-emerald-50)",
  "--success-border": "var(--color-emerald-200)",
  "--success-text": "var(--color-emerald-900)",
  "--info-bg": "var(--color-sky-50)",
  "--info-border": "var(--color-sky-200)",
  "--info-text": "var(--color-sky-900)",
  "--warning-bg": "var(--color-amber-50)",
  "--warning-border": "var(--color-amber-300)",
  "--warning-text": "var(--color-amber-900)",
  "--error-bg": "var(--color-red-50)",
  "--error-border": "var(--color-red-300)",
  "--error-text": "var(--color-red-900)",
} as React.CSSProperties;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {children}
        {/* Completed actions confirm themselves here ("Link revoked"); the region is a polite live region. */}
        <Toaster theme="system" style={TOAST_COLORS} position="bottom-right" closeButton richColors toastOptions={{ duration: 5000 }} />
      </body>
    </html>
  );
}
