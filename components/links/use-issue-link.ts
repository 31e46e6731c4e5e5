"use client";

import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { issueLinkAction, recordBrowserLinkAction } from "@/lib/actions/links";
import type { ErrorBody } from "@/lib/errors";
import type { BrowserSigningKey } from "@/lib/links/browser-signing";
import { sha256Hex, signJwt } from "@/lib/links/browser-signing";
import { checkLinkClaims, linkTokenHeader, linkTokenPayload, linkUrl } from "@/lib/links/claims";
import { attendeeNameInSentence, attendeeOf, formFieldOfError, linkNotes, type LinkFormState } from "@/lib/links/form";
import { defaultLongLivedSeconds, linkLifetime, linkTimes } from "@/lib/links/lifetime";
import { presentAttendee } from "@/lib/profile/present";
import type { EffectiveFeatures } from "@/lib/tokens/types";
import { useAction } from "@/components/ui/use-action";
import type { IssuedLinkView } from "./issued-link-result";
import type { PickerKey, SigningMode } from "./signing-picker";

export interface IssueLinkOptions {
  orgSlug: string;
  eventSlug: string;
  fields: Array<{ key: string; label: string; kind: string }>;
  policy: { oneOffLifetimeSeconds: number; longLivedMaxSeconds: number; leewaySeconds: number; rejectTokensIssuedBefore: string | null };
  features: EffectiveFeatures;
  activeKeys: PickerKey[];
  entryBaseUrl: string;
  /** The server's clock when the page was rendered: browser-signed links use it, not the admin's clock. */
  serverNow: number;
}

/** Debounced, so the avatar image is requested once the admin stops typing, not for every prefix of the URL. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

const NOT_REACHED: ErrorBody = { code: "INTERNAL", message: "The server could not be reached, so no link was issued. Check your connection and try again." };

/**
 * The test-link form's state and rules: the claims checked with the entry's rules as the admin
 * types, which errors to show when, and issuing through the server (a kept key) or in this
 * browser (the admin's own key, then the server records the link). The panel only renders this.
 */
export function useIssueLink(options: IssueLinkOptions) {
  const { orgSlug, eventSlug, fields, features, activeKeys } = options;
  const policy = useMemo(
    () => ({ ...options.policy, rejectTokensIssuedBefore: options.policy.rejectTokensIssuedBefore ? new Date(options.policy.rejectTokensIssuedBefore) : null }),
    [options.policy],
  );
  const keptKeys = activeKeys.filter((k) => k.keepsPrivateKey);

  const [state, setState] = useState<LinkFormState>({
    displayName: "",
    email: "",
    avatarUrl: "",
    profile: {},
    roles: [],
    kind: "one_off",
    lifetimeSeconds: defaultLongLivedSeconds(policy),
    confirmHostLongLived: false,
  });
  const [mode, setMode] = useState<SigningMode>(keptKeys.length ? "server" : "browser");
  const [keyId, setKeyId] = useState(keptKeys[0]?.id ?? "");
  const [browserKey, setBrowserKey] = useState<BrowserSigningKey | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [issued, setIssued] = useState<IssuedLinkView | null>(null);
  // Failures before any server call (the lifetime, the browser's signing) read like the server's.
  const [localError, setLocalError] = useState<ErrorBody | null>(null);
  const issue = useAction(issueLinkAction);
  const record = useAction(recordBrowserLinkAction);
  const [signing, startSigning] = useTransition();
  // How far this browser's clock is from the server's, measured when the page arrives.
  const clockOffset = useRef(0);
  useEffect(() => {
    clockOffset.current = options.serverNow - Date.now();
  }, [options.serverNow]);

  const serverError = localError ?? issue.error ?? record.error;
  const clearErrors = () => {
    setLocalError(null);
    issue.reset();
    record.reset();
  };
  const update = (change: Partial<LinkFormState>) => {
    clearErrors();
    setState((s) => ({ ...s, ...change }));
  };
  const touch = (name: string) => setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));

  const attendee = attendeeOf(state, fields);
  const check = checkLinkClaims(attendee, features);
  const settledAvatar = useSettled(state.avatarUrl, 600);
  const presentation = presentAttendee(
    { displayName: attendee.displayName, avatarUrl: settledAvatar.trim(), userProfile: attendee.userProfile.filter(([, v]) => v.trim() !== ""), roles: attendee.roles },
    fields,
  );
  // A missing name is the Display name field's own error, shown once the admin has been there.
  const warnings = presentation.warnings.filter((w) => w.code !== "display_name_missing");
  const notes = linkNotes(state, policy);

  // Field errors: the live check once a field was left (or on submit), then the server's answer.
  const errors: Record<string, string> = {};
  if (!check.ok) {
    const field = formFieldOfError(check.error.field, fields);
    if (submitted || touched.has(field) || field === "roles") errors[field] = check.error.message;
  }
  for (const [field, message] of Object.entries(serverError?.fieldErrors ?? {})) errors[formFieldOfError(field, fields)] ??= message;
  const hostUnconfirmed = state.kind === "long_lived" && state.roles.includes("host") && !state.confirmHostLongLived;
  if (hostUnconfirmed && submitted) errors.confirmHostLongLived ??= "Tick this to issue the link, or make it a one-off link.";
  const browserKeyMismatch = mode === "browser" && browserKey !== null && !activeKeys.some((k) => k.kid === browserKey.kid);
  const signingProblem =
    mode === "browser" && !browserKey && submitted
      ? "Paste or drop your private key first."
      : browserKeyMismatch && submitted
        ? "This private key does not belong to an active key of this event."
        : (errors.kid ?? errors.keyId);

  const noKey = activeKeys.length === 0;
  const ready = check.ok && !hostUnconfirmed && (mode === "server" ? keptKeys.length > 0 : browserKey !== null && !browserKeyMismatch);

  const done = (view: IssuedLinkView) => {
    setIssued(view);
    toast.success(`Link issued for ${attendeeNameInSentence(view.displayName)}`, { description: "Copy it now: it is shown once." });
  };

  const submit = () => {
    setSubmitted(true);
    clearErrors();
    if (!ready || noKey) return;
    const input = {
      orgSlug,
      eventSlug,
      ...attendee,
      kind: state.kind,
      lifetimeSeconds: state.kind === "long_lived" ? state.lifetimeSeconds : null,
      confirmHostLongLived: state.confirmHostLongLived,
    };
    if (mode === "server") {
      issue.run({ ...input, keyId: keyId || null }, (data) => {
        const key = activeKeys.find((k) => k.kid === data.link.kid);
        done({ url: data.url, kind: data.link.kind, expiresAt: data.link.expiresAt, displayName: data.link.displayName, shortKid: key?.shortKid ?? data.link.kid.slice(0, 8), signedIn: "server" });
      });
      return;
    }
    // Signed here: the token and the key stay in this page; the server gets the link's details.
    if (!browserKey || !check.ok) return;
    const lifetime = linkLifetime(state.kind, state.lifetimeSeconds, policy);
    if (!lifetime.ok) return setLocalError({ code: "VALIDATION", message: lifetime.error, field: "lifetimeSeconds", fieldErrors: { lifetimeSeconds: lifetime.error } });
    startSigning(async () => {
      try {
        const subtle = globalThis.crypto.subtle;
        const times = linkTimes(new Date(Date.now() + clockOffset.current), lifetime.seconds, policy);
        const jti = globalThis.crypto.randomUUID();
        const token = await signJwt(browserKey.key, linkTokenHeader(browserKey.kid), linkTokenPayload(check.claims, { jti, ...times }));
        const tokenHash = await sha256Hex(subtle, token);
        record.run({ ...input, jti, kid: browserKey.kid, iat: times.iat, exp: times.exp, tokenHash }, (data) =>
          done({ url: linkUrl(options.entryBaseUrl, eventSlug, token), kind: data.link.kind, expiresAt: data.link.expiresAt, displayName: data.link.displayName, shortKid: browserKey.kid.slice(0, 8), signedIn: "browser" }),
        );
      } catch {
        setLocalError(NOT_REACHED);
      }
    });
  };

  /** Back to the form for the next link: the values stay, the host confirmation is for one link only. */
  const issueAnother = () => {
    setIssued(null);
    setSubmitted(false);
    setTouched(new Set());
    setState((s) => ({ ...s, confirmHostLongLived: false }));
  };

  return {
    state,
    update,
    touch,
    errors,
    serverError,
    check,
    submitted,
    notes,
    warnings,
    presented: presentation.attendee,
    policy,
    signing: {
      mode,
      setMode: (next: SigningMode) => {
        clearErrors();
        setMode(next);
      },
      keyId,
      setKeyId,
      browserKey,
      setBrowserKey: (key: BrowserSigningKey | null) => {
        clearErrors();
        setBrowserKey(key);
      },
      problem: signingProblem,
    },
    noKey,
    pending: issue.pending || record.pending || signing,
    submit,
    issued,
    issueAnother,
  };
}
