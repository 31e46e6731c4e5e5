"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { PersonCell, ServerDataTable, TableFilter, TableSearch, serverTableFeatures, useUrlState, type ServerTablePage } from "@/components/ui/data-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { buttonClasses } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAction } from "@/components/ui/use-action";
import { endSessionsAction } from "@/lib/actions/activity";
import { ATTEMPT_OUTCOMES, ATTEMPT_SOURCES, OUTCOME_LABELS, SOURCE_LABELS, type AttemptOutcome, type AttemptSource } from "@/lib/activity/attempt";
import { keyName } from "@/lib/activity/labels";
import { REASON_CODES } from "@/lib/tokens/reasons";

export interface AttemptTableRow {
  id: string;
  at: string;
  outcome: AttemptOutcome;
  reason: string | null;
  title: string | null;
  explanation: string | null;
  advice: string | null;
  source: AttemptSource | null;
  kid: string | null;
  keyLabel: string | null;
  network: string | null;
  browser: string | null;
  displayName: string | null;
  email: string | null;
  sessionId: string | null;
  sessionOpen: boolean;
}

const OUTCOME_TONES: Record<AttemptOutcome, BadgeTone> = { signed_in: "green", refused: "red", confirm_shown: "blue" };
const column = createColumnHelper<typeof serverTableFeatures, AttemptTableRow>();

function EndSessionButton({ orgSlug, eventSlug, row }: { orgSlug: string; eventSlug: string; row: AttemptTableRow }) {
  const router = useRouter();
  const { run, pending, error, reset } = useAction(endSessionsAction);
  return (
    <ConfirmButton
      label={
        <>
          End
          <span className="relative">
            <span className="sr-only"> session of {row.displayName}</span>
          </span>
        </>
      }
      title={`End ${row.displayName}'s session?`}
      consequence={
        <p>
          Their next page in the event shows that the organizer ended their session (reason <code className="font-mono text-xs">session_ended</code>). They get in again only
          with a fresh token from the platform.
        </p>
      }
      confirmLabel="End session"
      pending={pending}
      error={error}
      onConfirm={(_, close) => {
        reset();
        run({ orgSlug, eventSlug, target: { sessionId: row.sessionId! } }, () => {
          close();
          router.refresh();
        });
      }}
    />
  );
}

function columnsFor(context: { orgSlug: string; eventSlug: string; writable: boolean }) {
  return [
    column.accessor("at", {
      header: "Time",
      enableSorting: false,
      // The title keeps the instant to the second, for matching a row with the platform's logs. Small
      // type, wrapping after the date: a wider column would push the row's buttons out of view at 1440 px.
      cell: (info) => (
        <span className="block min-w-[4.75rem] text-xs tabular-nums" title={info.getValue()}>
          <Time value={info.getValue()} />
        </span>
      ),
    }),
    column.accessor("outcome", {
      header: "Outcome",
      enableSorting: false,
      cell: (info) => (
        <div data-outcome={info.getValue()} className="space-y-1">
          <Badge tone={OUTCOME_TONES[info.getValue()]}>{OUTCOME_LABELS[info.getValue()]}</Badge>
          {info.row.original.reason ? <code className="block font-mono text-xs text-slate-700">{info.row.original.reason}</code> : null}
        </div>
      ),
    }),
    column.accessor("displayName", {
      header: "Attendee",
      enableSorting: false,
      cell: (info) =>
        info.getValue() ? (
          <PersonCell name={info.getValue()} email={info.row.original.email} />
        ) : (
          <span className="text-xs text-slate-500" title="The token's signature did not verify: its claims are whoever sent it, so they are not shown.">
            Not verified
          </span>
        ),
    }),
    column.accessor("explanation", {
      header: "What happened",
      enableSorting: false,
      cell: (info) => {
        const row = info.row.original;
        if (!row.reason) return <span className="text-xs text-slate-600">{row.outcome === "signed_in" ? "Entered the lobby." : "Shown the one-off link's confirmation."}</span>;
        return (
          <div className="min-w-[14rem] max-w-[22rem] space-y-1 text-xs">
            <p className="text-slate-800">{row.explanation}</p>
            <p className="text-slate-600">
              <span className="font-semibold text-slate-700">What to do: </span>
              {row.advice}
            </p>
          </div>
        );
      },
    }),
    column.accessor("kid", {
      header: "Key · source",
      enableSorting: false,
      cell: (info) => (
        <div className="text-xs">
          <code className="font-mono text-slate-800" title={info.getValue() ?? undefined}>
            {info.getValue() ? keyName({ kid: info.getValue(), label: info.row.original.keyLabel }) : "—"}
          </code>
          <p className="text-slate-500">{info.row.original.source ? SOURCE_LABELS[info.row.original.source] : "Source unknown"}</p>
        </div>
      ),
    }),
    column.accessor("network", {
      header: "Network",
      enableSorting: false,
      cell: (info) => (
        <div className="text-xs">
          <p className="whitespace-nowrap font-mono text-slate-700">{info.getValue() ?? "—"}</p>
          <p className="text-slate-500">{info.row.original.browser ?? ""}</p>
        </div>
      ),
    }),
    column.display({
      id: "actions",
      header: () => (
        <span className="relative">
          <span className="sr-only">Actions</span>
        </span>
      ),
      cell: (info) => (
        <div className="flex flex-col items-start gap-1.5">
          <Link
            href={`/orgs/${context.orgSlug}/events/${context.eventSlug}/debugger?attempt=${info.row.original.id}`}
            className={buttonClasses("secondary", "sm", "whitespace-nowrap")}
          >
            Debug
            <span className="relative">
              <span className="sr-only"> this attempt</span>
            </span>
          </Link>
          {context.writable && info.row.original.sessionOpen ? <EndSessionButton orgSlug={context.orgSlug} eventSlug={context.eventSlug} row={info.row.original} /> : null}
        </div>
      ),
    }),
  ];
}

export function AttemptsTable({
  orgSlug,
  eventSlug,
  writable,
  keys,
  page,
  exportHref,
}: {
  orgSlug: string;
  eventSlug: string;
  writable: boolean;
  keys: Array<{ kid: string; label: string | null }>;
  page: ServerTablePage<AttemptTableRow>;
  exportHref: string;
}) {
  const url = useUrlState();
  // Stable column definitions: the live refresh re-renders every few seconds, and new cell functions
  // would remount every cell (closing an open "End session" confirmation).
  const columns = useMemo(() => columnsFor({ orgSlug, eventSlug, writable }), [orgSlug, eventSlug, writable]);
  return (
    <ServerDataTable
      caption="Entry attempts, newest first"
      cardsOnPhone
      columns={columns}
      page={page}
      toolbar={
        <>
          <TableSearch label="Filter attempts by attendee name or email" placeholder="Attendee…" />
          <TableFilter name="outcome" label="Outcome" options={ATTEMPT_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} />
          <TableFilter name="reason" label="Reason" options={REASON_CODES.map((r) => ({ value: r, label: r }))} />
          <TableFilter name="kid" label="Key" options={keys.map((k) => ({ value: k.kid, label: keyName(k) }))} />
          <TableFilter name="source" label="Source" options={ATTEMPT_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} />
          <a href={exportHref} className={buttonClasses("secondary", "sm", "ml-auto")} download>
            Export CSV
          </a>
          {url.pending ? <span className="sr-only">Loading</span> : null}
        </>
      }
      emptyState="No attempts match in this window. Widen the window or clear the filters."
    />
  );
}
