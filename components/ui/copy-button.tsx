"use client";

import { useState } from "react";
import { Button } from "./button";

export function CopyButton({ value, label = "Copy", size = "sm" }: { value: string; label?: string; size?: "sm" | "md" }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <Button
      variant="secondary"
      size={size}
      aria-live="polite"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setState("copied");
        } catch {
          setState("failed");
        }
        setTimeout(() => setState("idle"), 2000);
      }}
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Select and copy manually" : label}
    </Button>
  );
}

/** A value the admin copies elsewhere (a key, a link, a secret): shown as code beside its copy button. */
export function CopyableValue({
  value,
  copyLabel,
  testId,
  as: Wrapper = "div",
  className,
  codeClassName,
}: {
  value: string;
  copyLabel: string;
  testId: string;
  as?: "div" | "span";
  className: string;
  codeClassName: string;
}) {
  return (
    <Wrapper className={className}>
      <code className={codeClassName} data-testid={testId}>
        {value}
      </code>
      <CopyButton value={value} label={copyLabel} />
    </Wrapper>
  );
}
