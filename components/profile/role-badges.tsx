import type { RoleBadge } from "@/lib/profile/present";
import type { AttendeeRole } from "@/lib/profile/roles";
import { cn } from "@/components/ui/cn";

const ROLE_TONES: Record<AttendeeRole, string> = {
  host: "bg-amber-400 text-amber-950",
  presenter: "bg-indigo-500 text-white",
  transcriber: "bg-teal-500 text-teal-950",
  interpreter: "bg-fuchsia-500 text-white",
};

/** Role badges as they sit on a stream: small, solid, readable on video. */
export function RoleBadges({ roles, className }: { roles: readonly RoleBadge[]; className?: string }) {
  if (roles.length === 0) return null;
  return (
    <ul aria-label="Roles" className={cn("media-colors flex flex-wrap justify-end gap-1", className)}>
      {roles.map((r) => (
        <li key={r.role} title={r.description} data-role={r.role} className={cn("rounded px-1.5 py-0.5 text-[11px] font-semibold leading-4 shadow-sm", ROLE_TONES[r.role])}>
          {r.label}
        </li>
      ))}
    </ul>
  );
}
