import type { ReactNode } from "react";

/** The attendee side's frame: the event's name, then one focused card. Nothing of the dashboard. */
export function AttendeeShell({ eventName, children, wide = false }: { eventName?: string | null; children: ReactNode; wide?: boolean }) {
  return (
    <div className="min-h-screen bg-slate-100">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-4xl items-center px-4 text-sm font-semibold text-slate-900">{eventName ?? "Event sign-in"}</div>
      </header>
      <main className={`mx-auto px-4 py-10 ${wide ? "max-w-4xl" : "max-w-xl"}`}>{children}</main>
    </div>
  );
}

/** "help@example.com" → a mailto link; an https URL → a link; shown wherever an attendee is stuck. */
export function ContactLine({ contact }: { contact: string | null | undefined }) {
  if (!contact) return null;
  const href = contact.startsWith("https://") ? contact : `mailto:${contact}`;
  return (
    <p className="text-sm text-slate-700">
      Need help? Contact the organizer:{" "}
      <a href={href} className="font-medium text-indigo-700 underline-offset-2 hover:underline" rel="noopener noreferrer">
        {contact}
      </a>
    </p>
  );
}
