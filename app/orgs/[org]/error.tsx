"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { ErrorPanel } from "@/components/shell/error-panel";

/** An organization page that throws: the header and navigation stay usable around the retry. */
export default function OrganizationPageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // A server component failed: fetch it again from the server, then re-render the segment.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="py-6">
      <ErrorPanel digest={error.digest} onRetry={retry} />
    </div>
  );
}
