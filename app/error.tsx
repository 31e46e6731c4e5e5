"use client";

import { SegmentErrorPanel, type SegmentErrorProps } from "@/components/shell/error-panel";

/** Any page that throws while rendering: the layouts around it stay, the page offers a retry. */
export default function PageError(props: SegmentErrorProps) {
  return (
    <main id="main" className="px-4 py-12">
      <SegmentErrorPanel {...props} />
    </main>
  );
}
