import type { Metadata } from "next";
import { connection } from "next/server";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Event sign-in", template: "%s · Event sign-in" },
  description: "Keys, test links and token checks for your virtual events' JWT sign-in.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {children}
        {/* Completed actions confirm themselves here ("Link revoked"); the region is a polite live region. */}
        <Toaster position="bottom-right" closeButton richColors toastOptions={{ duration: 5000 }} />
      </body>
    </html>
  );
}
