"use client";

import { useEffect, useRef } from "react";
import { attendeeNameInSentence } from "@/lib/links/form";
import { KIND_LABELS, type LinkKind } from "@/lib/links/status";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { inputClasses } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { Countdown } from "./countdown";
import { EmailLinkButton, type LinkMailOptions } from "./email-link-button";
import { QrCode } from "./qr-code";

export interface IssuedLinkView {
  url: string;
  kind: LinkKind;
  expiresAt: string;
  displayName: string;
  shortKid: string;
  signedIn: "server" | "browser";
}

/**
 * The issued link, shown once: the full event link, copy, a QR code for phones and the expiry
 * counting down. Closing it drops the link from the page; the dashboard keeps only its hash.
 */
export function IssuedLinkResult({ issued, onDone, mail }: { issued: IssuedLinkView; onDone: () => void; mail?: LinkMailOptions }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const longLived = issued.kind === "long_lived";
  return (
    <section aria-labelledby="issued-link-heading" data-testid="issued-link" className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="issued-link-heading" ref={heading} tabIndex={-1} title={issued.displayName} className="min-w-0 break-words text-base font-semibold text-slate-900 outline-none">
          Link for {attendeeNameInSentence(issued.displayName)}
        </h2>
        <Badge tone={longLived ? "red" : "indigo"}>{KIND_LABELS[issued.kind]}</Badge>
        <Badge>{issued.signedIn === "browser" ? `Signed in this browser, key ${issued.shortKid}` : `Signed with key ${issued.shortKid}`}</Badge>
      </div>
      <Alert tone={longLived ? "danger" : "warning"} title="Shown once: copy it now">
        {longLived
          ? "Anyone who has this link signs in as this attendee until it expires or you revoke it. Do not send it by email or chat. The dashboard keeps only a fingerprint of it, so it cannot show it again; revoke it in the table below when you are done."
          : "The dashboard keeps only a fingerprint of it and cannot show it again. It works once: opening it asks “Continue as …”, and that click uses it."}
      </Alert>
      <div className="space-y-2">
        <label htmlFor="issued-link-url" className="block text-sm font-medium text-slate-800">
          Event link
        </label>
        <textarea
          id="issued-link-url"
          readOnly
          value={issued.url}
          rows={4}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className={cn(inputClasses, "break-all font-mono text-xs")}
        />
        <div className="flex flex-wrap items-center gap-3">
          <CopyButton value={issued.url} label="Copy link" size="md" />
          <Countdown expiresAt={issued.expiresAt} />
        </div>
        {mail ? <EmailLinkButton url={issued.url} kind={issued.kind} mail={mail} /> : null}
      </div>
      <div className="space-y-2">
        <QrCode value={issued.url} label={`QR code of the link for ${attendeeNameInSentence(issued.displayName)}`} />
        <p className="text-sm text-slate-600">Scan it with a phone to test the entry there. The code is drawn in this page; the link is not sent anywhere.</p>
      </div>
      <div className="border-t border-slate-100 pt-3">
        <Button variant="secondary" onClick={onDone}>
          Done: issue another link
        </Button>
      </div>
    </section>
  );
}
