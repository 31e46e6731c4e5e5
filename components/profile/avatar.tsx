import type { Avatar } from "@/lib/profile/avatar";
import { cn } from "@/components/ui/cn";

/**
 * The attendee's avatar: initials on their colour, with the avatarUrl image (if any) laid over
 * them. The attendee's browser loads the image (never our server); if it fails to load, the
 * initials underneath show through, without any script.
 */
export function AvatarCircle({ avatar, className }: { avatar: Avatar; className?: string }) {
  return (
    <span
      aria-hidden
      data-avatar={avatar.kind}
      className={cn("relative inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full font-semibold leading-none", className)}
      style={{ backgroundColor: avatar.colour.background, color: avatar.colour.foreground }}
    >
      <span dir="auto">{avatar.initials}</span>
      {avatar.kind === "image" ? (
        // A plain <img>: next/image would have our server fetch the attendee's URL.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={avatar.imageUrl} alt="" referrerPolicy="no-referrer" loading="lazy" decoding="async" className="absolute inset-0 size-full object-cover" />
      ) : null}
    </span>
  );
}
