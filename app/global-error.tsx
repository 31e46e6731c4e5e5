"use client";

import "./globals.css";
import { ErrorPanel } from "@/components/shell/error-panel";

/** The root layout itself failed: this replaces the whole document, so it brings its own html and body. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main id="main" className="px-4 py-12">
          <ErrorPanel digest={error.digest} onRetry={reset} />
        </main>
      </body>
    </html>
  );
}
