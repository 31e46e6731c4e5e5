"use client";

import { SegmentErrorPanel, type SegmentErrorProps } from "@/components/shell/error-panel";

/** An organization page that throws: the header and navigation stay usable around the retry. */
export default function OrganizationPageError(props: SegmentErrorProps) {
  return (
    <div className="py-6">
      <SegmentErrorPanel {...props} />
    </div>
  );
}
