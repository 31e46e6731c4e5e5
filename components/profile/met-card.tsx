import type { MetLink, PresentedAttendee } from "@/lib/profile/present";
import { cn } from "@/components/ui/cn";
import { AvatarCircle } from "./avatar";

/**
 * One person on the "You met with…" page an attendee sees after leaving: avatar, name, their
 * shown fields, and the twitter / linkedin (and web-link) fields as links. Renders anywhere.
 */
export function MetCard({ attendee, loadImage = true, className }: { attendee: PresentedAttendee; loadImage?: boolean; className?: string }) {
  const textFields = [attendee.headline, ...attendee.hoverFields].filter((f) => f !== null && f.link === null);
  return (
    <article data-testid="met-card" className={cn("flex gap-4 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200", className)}>
      <AvatarCircle avatar={attendee.avatar} loadImage={loadImage} className="size-14 text-xl" />
      <div className="min-w-0 flex-1">
        <h3 className="truncate text-base font-semibold text-slate-900" title={attendee.fullName}>
          {attendee.fullName}
        </h3>
        {textFields.length > 0 ? (
          <dl className="mt-0.5 space-y-0.5 text-sm">
            {textFields.map((field) => (
              <div key={field!.key} className="flex min-w-0 gap-1.5">
                <dt className="shrink-0 text-slate-500">{field!.label}</dt>
                <dd className="min-w-0 break-words text-slate-800">{field!.fullValue}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {attendee.metLinks.length > 0 ? (
          <ul className="mt-3 flex flex-wrap gap-2" aria-label={`Links for ${attendee.fullName}`}>
            {attendee.metLinks.map((link) => (
              <li key={link.key} className="min-w-0 max-w-full">
                <a
                  href={link.href}
                  target="_blank"
                  rel="noopener noreferrer nofollow ugc"
                  title={`${link.label}: ${link.href}`}
                  data-link-kind={link.kind}
                  className="inline-flex max-w-full items-center gap-1.5 rounded-full bg-slate-50 px-2.5 py-1 text-xs font-medium text-slate-800 ring-1 ring-inset ring-slate-200 hover:bg-slate-100 hover:ring-slate-300"
                >
                  <LinkIcon kind={link.kind} />
                  <span className="truncate">{link.text}</span>
                  <span className="sr-only"> ({link.label}, opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-xs text-slate-500">No Twitter / X or LinkedIn link to follow up on.</p>
        )}
      </div>
    </article>
  );
}

function LinkIcon({ kind }: { kind: MetLink["kind"] }) {
  const common = { "aria-hidden": true, viewBox: "0 0 24 24", className: "size-3.5 shrink-0" } as const;
  if (kind === "twitter") {
    return (
      <svg {...common} fill="currentColor">
        <path d="M18.901 1.153h3.68l-8.04 9.19L24 22.846h-7.406l-5.8-7.584-6.638 7.584H.474l8.6-9.83L0 1.154h7.594l5.243 6.932ZM17.61 20.644h2.039L6.486 3.24H4.298Z" />
      </svg>
    );
  }
  if (kind === "linkedin") {
    return (
      <svg {...common} fill="#0a66c2">
        <path d="M20.447 20.452h-3.554v-5.569c0-1.328-.027-3.037-1.852-3.037-1.853 0-2.136 1.445-2.136 2.939v5.667H9.351V9h3.414v1.561h.046c.477-.9 1.637-1.85 3.37-1.85 3.601 0 4.267 2.37 4.267 5.455v6.286zM5.337 7.433a2.062 2.062 0 1 1 0-4.125 2.062 2.062 0 0 1 0 4.125zM7.119 20.452H3.555V9h3.564v11.452zM22.225 0H1.771C.792 0 0 .774 0 1.729v20.542C0 23.227.792 24 1.771 24h20.451C23.2 24 24 23.227 24 22.271V1.729C24 .774 23.2 0 22.222 0h.003z" />
      </svg>
    );
  }
  return (
    <svg {...common} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
      <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
    </svg>
  );
}
