"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { PersonCell, ServerDataTable, TableExport, TableFilter, TableSearch, serverTableFeatures, type ServerTablePage } from "@/components/ui/data-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatUtc, relativeTo } from "@/lib/format";
import { KIND_LABELS, LINK_KINDS, LINK_STATUSES, STATUS_LABELS, type LinkKind, type LinkStatus } from "@/lib/links/status";
import { ATTENDEE_ROLES, ROLE_INFO, isAttendeeRole } from "@/lib/profile/roles";
import { RevokeLinkButton } from "./revoke-buttons";

export interface LinkTableRow {
  id: string;
  displayName: string;
  email: string | null;
  roles: string[];
  kind: LinkKind;
  status: LinkStatus;
  kid: string;
  signedIn: "server" | "browser";
  issuedAt: string;
  expiresAt: string;
  issuedByLabel: string;
  revokedAt: string | null;
  revokedByLabel: string | null;
  usedAt: string | null;
  redemptions: number;
  lastRedeemedAt: string | null;
}

const STATUS_TONES: Record<LinkStatus, BadgeTone> = { active: "green", used: "gray", expired: "gray", revoked: "red" };

const column = createColumnHelper<typeof serverTableFeatures, LinkTableRow>();

function columnsFor(context: { orgSlug: string; eventSlug: string; writable: boolean; now: Date }) {
  const when = (iso: string) => (
    <span className="block whitespace-nowrap" title={formatUtc(iso)}>
      {relativeTo(iso, context.now)}
    </span>
  );
  const columns = [
    column.accessor("displayName", {
      header: "Attendee",
      cell: (info) => <PersonCell name={info.getValue()} email={info.row.original.email} className="[overflow-wrap:anywhere]" />,
    }),
    column.accessor("roles", {
      header: "Roles",
      enableSorting: false,
      cell: (info) =>
        info.getValue().length ? (
          <span className="flex flex-wrap gap-1">
            {info.getValue().map((role) => (
              <Badge key={role} tone={role === "host" ? "amber" : "indigo"} className="whitespace-nowrap">
                {isAttendeeRole(role) ? ROLE_INFO[role].label : role}
              </Badge>
            ))}
          </span>
        ) : (
          <span className="text-slate-500">None</span>
        ),
    }),
    column.accessor("kind", {
      header: "Kind",
      enableSorting: false,
      cell: (info) => (
        <Badge tone={info.getValue() === "long_lived" ? "red" : "gray"} className="whitespace-nowrap">
          {KIND_LABELS[info.getValue()]}
        </Badge>
      ),
    }),
    column.accessor("status", {
      header: "Status",
      enableSorting: false,
      cell: (info) => {
        const row = info.row.original;
        const detail =
          row.status === "revoked" && row.revokedAt
            ? `${relativeTo(row.revokedAt, context.now)}${row.revokedByLabel ? ` by ${row.revokedByLabel}` : ""}`
            : row.status === "used" && row.usedAt
              ? relativeTo(row.usedAt, context.now)
              : null;
        return (
          <div data-status={info.getValue()}>
            <Badge tone={STATUS_TONES[info.getValue()]}>{STATUS_LABELS[info.getValue()]}</Badge>
            {detail ? <p className="mt-0.5 max-w-[12rem] text-xs text-slate-500 [overflow-wrap:anywhere]">{detail}</p> : null}
          </div>
        );
      },
    }),
    column.accessor("expiresAt", {
      header: "Expires",
      // A used or revoked link no longer works, whatever its expiry says: "in 23 hours" would mislead.
      cell: (info) =>
        info.row.original.status === "used" || info.row.original.status === "revoked" ? (
          <span className="block whitespace-nowrap text-slate-500" title={`Would have expired ${formatUtc(info.getValue())}`}>
            No longer usable
          </span>
        ) : (
          when(info.getValue())
        ),
    }),
    column.accessor("issuedAt", {
      header: "Issued",
      cell: (info) => (
        <div>
          {when(info.getValue())}
          {/* One line, cut with "…": a long address would otherwise widen the column past the card. */}
          <p className="max-w-[11rem] truncate text-xs text-slate-500" title={info.row.original.issuedByLabel}>
            by {info.row.original.issuedByLabel}
          </p>
          {info.row.original.signedIn === "browser" ? <p className="text-xs text-slate-500">signed in browser</p> : null}
        </div>
      ),
    }),
    column.accessor("redemptions", {
      header: "Sign-ins",
      enableSorting: false,
      cell: (info) => (
        <div>
          <span className="tabular-nums">{info.getValue()}</span>
          {info.row.original.lastRedeemedAt ? <p className="text-xs text-slate-500">last {relativeTo(info.row.original.lastRedeemedAt, context.now)}</p> : null}
        </div>
      ),
    }),
  ];
  if (!context.writable) return columns;
  return [
    ...columns,
    column.display({
      id: "actions",
      // The relative wrapper keeps the visually hidden text inside the table's scroll box (an
      // absolutely positioned element would otherwise widen the page on a phone).
      header: () => (
        <span className="relative">
          <span className="sr-only">Actions</span>
        </span>
      ),
      cell: (info) =>
        info.row.original.status === "active" ? (
          <RevokeLinkButton
            orgSlug={context.orgSlug}
            eventSlug={context.eventSlug}
            linkId={info.row.original.id}
            attendee={info.row.original.displayName}
            longLived={info.row.original.kind === "long_lived"}
          />
        ) : null,
    }),
  ];
}

export function LinksTable({
  orgSlug,
  eventSlug,
  writable,
  now,
  issuers,
  page,
}: {
  orgSlug: string;
  eventSlug: string;
  writable: boolean;
  /** The page's clock, so server and browser render the same relative times. */
  now: string;
  issuers: string[];
  page: ServerTablePage<LinkTableRow>;
}) {
  return (
    <ServerDataTable
      caption="Issued test links"
      columns={columnsFor({ orgSlug, eventSlug, writable, now: new Date(now) })}
      page={page}
      toolbar={
        <>
          <TableSearch label="Search links by attendee name" placeholder="Search attendee…" />
          <TableFilter name="status" label="Status" options={LINK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
          <TableFilter name="kind" label="Kind" options={LINK_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
          <TableFilter name="role" label="Role" options={ATTENDEE_ROLES.map((r) => ({ value: r, label: ROLE_INFO[r].label }))} />
          <TableFilter name="issuer" label="Issued by" options={issuers.map((i) => ({ value: i, label: i }))} />
          <TableExport href={`/orgs/${orgSlug}/events/${eventSlug}/links/export`} />
        </>
      }
      emptyState={writable ? "No test links yet. Issue the first one above." : "No test links yet."}
      filteredEmptyState="No links match these filters."
      cardsOnPhone
    />
  );
}
