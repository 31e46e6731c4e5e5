import type { Avatar } from "@/lib/profile/avatar";
import { cn } from "@/components/ui/cn";

/**
 * The attendee's avatar: initials on their colour, with the avatarUrl image (if any) laid over
 * them. The attendee's browser loads the image (never our server); if it fails to load, the
 * initials underneath show through, without any script. `loadImage={false}` shows the initials
 * only: for tokens pasted into the debugger, whose image host would otherwise learn who looked.
 */
export function AvatarCircle({ avatar, className, loadImage = true }: { avatar: Avatar; className?: string; loadImage?: boolean }) {
  const image = avatar.kind === "image" && loadImage ? avatar.imageUrl : null;
  return (
    <span
      aria-hidden
      data-avatar={image ? "image" : "initials"}
      title={avatar.kind === "image" && !loadImage ? `Image not loaded: ${avatar.imageUrl}` : undefined}
      className={cn("relative inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full font-semibold leading-none", className)}
      style={{ backgroundColor: avatar.colour.background, color: avatar.colour.foreground }}
    >
      <span dir="auto">{avatar.initials}</span>
      {image ? (
        // A plain <img>: next/image would have our server fetch the attendee's URL.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={image} alt="" referrerPolicy="no-referrer" loading="lazy" decoding="async" className="absolute inset-0 size-full object-cover" />
      ) : null}
    </span>
  );
}
