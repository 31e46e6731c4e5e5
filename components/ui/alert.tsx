import type { ReactNode } from "react";
import type { Severity } from "@/lib/severity";
import { cn } from "./cn";
import { SEVERITY_LOOK, SeverityIcon } from "./severity";

/** danger is the error severity; success is the one tone outside the severity language (a done thing). */
const SEVERITY_OF: Record<"info" | "warning" | "danger", Severity> = { info: "info", warning: "warning", danger: "error" };

export function Alert({
  tone = "info",
  title,
  children,
  className,
  role,
}: {
  tone?: "info" | "success" | "warning" | "danger";
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  role?: "alert" | "status";
}) {
  const severity = tone === "success" ? null : SEVERITY_OF[tone];
  return (
    <div
      role={role ?? (tone === "danger" ? "alert" : "status")}
      data-tone={tone}
      className={cn("flex gap-2.5 rounded-md px-4 py-3 text-sm ring-1 ring-inset", severity ? SEVERITY_LOOK[severity].panel : "bg-emerald-50 text-emerald-900 ring-emerald-200", className)}
    >
      {severity ? (
        <SeverityIcon severity={severity} />
      ) : (
        <span aria-hidden className="inline-flex size-5 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-xs font-bold text-emerald-800">
          ✓
        </span>
      )}
      <div className="min-w-0 flex-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
      </div>
    </div>
  );
}
