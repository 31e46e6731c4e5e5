"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * What a page that failed to render says: that nothing the admin did was lost, a retry, and the
 * reference the server logged (Next's digest), never a stack trace.
 */
export function ErrorPanel({ digest, onRetry, homeHref = "/" }: { digest?: string; onRetry: () => void; homeHref?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 rounded-lg bg-white px-6 py-8 text-center shadow-xs ring-1 ring-slate-200" data-testid="error-boundary">
      <h1 ref={heading} tabIndex={-1} className="text-xl font-semibold tracking-tight text-slate-900 outline-none">
        This page could not be shown
      </h1>
      <p className="text-sm text-slate-600">
        Something went wrong on our side while loading it. Nothing you saved was lost. Try again; if it keeps failing, tell your administrator
        {digest ? (
          <>
            {" "}
            the reference <code className="font-mono text-xs text-slate-800">{digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="flex flex-wrap items-center justify-center gap-3 pt-2">
        <Button onClick={onRetry}>Try again</Button>
        <Link href={homeHref} className="text-sm font-medium text-indigo-700 hover:underline">
          Back to your organizations
        </Link>
      </div>
    </div>
  );
}

/** What Next hands an error.tsx boundary. */
export type SegmentErrorProps = { error: Error & { digest?: string }; reset: () => void };

/** The panel an error.tsx boundary shows; its retry fetches the failed server component again before re-rendering the segment. */
export function SegmentErrorPanel({ error, reset }: SegmentErrorProps) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return <ErrorPanel digest={error.digest} onRetry={retry} />;
}
