import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Event sign-in", template: "%s · Event sign-in" },
  description: "Keys, test links and token checks for your virtual events' JWT sign-in.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
