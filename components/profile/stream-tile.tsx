import { useId } from "react";
import type { PresentedAttendee, ShownField } from "@/lib/profile/present";
import { cn } from "@/components/ui/cn";
import { AvatarCircle } from "./avatar";
import { RoleBadges } from "./role-badges";

/**
 * An attendee's video stream as other attendees see it: a 16:9 placeholder for the video, the
 * avatar, the name with the first shown field under it, role badges, and the other fields revealed
 * on hover and on keyboard focus (the tile is focusable; a tap focuses it on touch screens).
 * No hooks beyond useId and no server-only imports: it renders in server and client components.
 */
export function StreamTile({
  attendee,
  revealed = false,
  loadImage = true,
  className,
}: {
  attendee: PresentedAttendee;
  /** Keep the hover details open (the dashboard's "show hover details" switch). */
  revealed?: boolean;
  /** false: initials only, the avatarUrl image is not requested (see AvatarCircle). */
  loadImage?: boolean;
  className?: string;
}) {
  const detailsId = useId();
  const { headline, hoverFields } = attendee;
  const hasDetails = hoverFields.length > 0;
  return (
    <div
      role="group"
      tabIndex={0}
      aria-label={`${attendee.fullName}’s stream`}
      aria-describedby={hasDetails ? detailsId : undefined}
      data-testid="stream-tile"
      data-revealed={revealed || undefined}
      className={cn(
        "media-colors group @container relative aspect-video w-full overflow-hidden rounded-xl bg-slate-900 text-white shadow-md ring-1 ring-slate-900/10 outline-offset-4",
        className,
      )}
    >
      {/* The video placeholder: a soft light from above, like a lit room. */}
      <div aria-hidden className="absolute inset-0 bg-[radial-gradient(ellipse_at_50%_30%,#334155_0%,#1e293b_45%,#0f172a_100%)]" />
      <div className="absolute inset-0 flex items-center justify-center pb-[6%]">
        <AvatarCircle avatar={attendee.avatar} loadImage={loadImage} className="aspect-square w-[22%] text-[8cqw] shadow-lg ring-2 ring-white/15" />
      </div>

      <RoleBadges roles={attendee.roles} className="absolute right-2 top-2 max-w-[70%]" />

      <div
        className={cn(
          "absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/80 via-black/55 to-transparent px-3 pb-2 pt-8",
          // With the details open, a solid backdrop keeps the text readable over the avatar.
          hasDetails && (revealed ? "bg-slate-950/80" : "group-hover:bg-slate-950/80 group-focus:bg-slate-950/80"),
        )}
      >
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-semibold leading-5 drop-shadow" title={attendee.fullName} data-testid="tile-name">
              {attendee.name}
            </p>
            {headline ? (
              <p className="truncate text-xs leading-4 text-white/85" title={headline.truncated ? headline.fullValue : undefined} data-testid="tile-headline">
                {headline.value}
              </p>
            ) : null}
          </div>
          {hasDetails ? (
            <span
              aria-hidden
              className={cn(
                "shrink-0 rounded-full bg-white/15 px-1.5 text-[11px] font-medium leading-4 text-white/90",
                revealed ? "hidden" : "group-hover:hidden group-focus:hidden",
              )}
            >
              +{hoverFields.length}
            </span>
          ) : null}
        </div>
        {hasDetails ? (
          <dl
            id={detailsId}
            data-testid="tile-details"
            className={cn(
              "mt-1.5 max-h-[calc(100cqw*9/16_-_4.5rem)] space-y-0.5 overflow-y-auto border-t border-white/15 pt-1.5 text-xs leading-4",
              revealed ? "block" : "hidden group-hover:block group-focus:block",
            )}
          >
            {hoverFields.map((field) => (
              <DetailRow key={field.key} field={field} />
            ))}
          </dl>
        ) : null}
      </div>
    </div>
  );
}

function DetailRow({ field }: { field: ShownField }) {
  return (
    <div className="flex min-w-0 gap-1.5" data-field={field.key}>
      <dt className="shrink-0 text-white/60">{field.label}</dt>
      <dd className="min-w-0 truncate text-white" title={field.truncated ? field.fullValue : undefined}>
        {field.value}
      </dd>
    </div>
  );
}
