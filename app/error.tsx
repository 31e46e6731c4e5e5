"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { ErrorPanel } from "@/components/shell/error-panel";

/** Any page that throws while rendering: the layouts around it stay, the page offers a retry. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // A server component failed: fetch it again from the server, then re-render the segment.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main id="main" className="px-4 py-12">
      <ErrorPanel digest={error.digest} onRetry={retry} />
    </main>
  );
}
