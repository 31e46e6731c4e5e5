"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { ServerDataTable, TableFilter, TableSearch, serverTableFeatures, type ServerTablePage } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { AUDIT_ACTIONS, describeAuditAction } from "@/lib/audit/actions";
import { formatUtc } from "@/lib/format";

export interface AuditTableRow {
  id: string;
  createdAt: string;
  actorType: string;
  actorLabel: string;
  action: string;
  targetLabel: string;
  eventSlug: string | null;
  details: string | null;
}

function DetailSummary({ details }: { details: string | null }) {
  if (!details) return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(details) as Record<string, unknown>;
  } catch {
    return null;
  }
  const changes = parsed.changes as Record<string, [unknown, unknown]> | undefined;
  if (changes) {
    return (
      <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
        {Object.entries(changes).map(([field, [from, to]]) => (
          <li key={field}>
            <span className="font-medium">{field}</span>: {String(from ?? "—")} → {String(to ?? "—")}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <p className="mt-1 text-xs text-slate-600">
      {Object.entries(parsed)
        .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
        .join(" · ")}
    </p>
  );
}

const column = createColumnHelper<typeof serverTableFeatures, AuditTableRow>();
const columns = [
  column.accessor("createdAt", { header: "When", cell: (info) => <span className="whitespace-nowrap">{formatUtc(info.getValue())}</span> }),
  column.accessor("actorLabel", {
    header: "Who",
    enableSorting: false,
    cell: (info) => (
      <span className="flex items-center gap-2">
        {info.getValue()}
        {info.row.original.actorType !== "user" ? <Badge>{info.row.original.actorType.replace("_", " ")}</Badge> : null}
      </span>
    ),
  }),
  column.accessor("action", {
    header: "What",
    enableSorting: false,
    cell: (info) => (
      <div>
        <span className="font-medium">{describeAuditAction(info.getValue())}</span>{" "}
        <code className="font-mono text-xs text-slate-500">{info.getValue()}</code>
        <DetailSummary details={info.row.original.details} />
      </div>
    ),
  }),
  column.accessor("targetLabel", {
    header: "Target",
    enableSorting: false,
    cell: (info) => (
      <div>
        {info.getValue()}
        {info.row.original.eventSlug ? <p className="font-mono text-xs text-slate-500">event {info.row.original.eventSlug}</p> : null}
      </div>
    ),
  }),
];

export function AuditTable({ page, actors }: { page: ServerTablePage<AuditTableRow>; actors: string[] }) {
  const prefixes = Array.from(new Set(Object.keys(AUDIT_ACTIONS).map((a) => a.split(".")[0]!)));
  return (
    <ServerDataTable
      caption="Audit log"
      columns={columns}
      page={page}
      toolbar={
        <>
          <TableSearch label="Search targets" placeholder="Search target…" />
          <TableFilter
            name="action"
            label="Action"
            options={[
              ...prefixes.map((p) => ({ value: `${p}.`, label: `All ${p} actions` })),
              ...Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <TableFilter name="actor" label="Who" options={actors.map((a) => ({ value: a, label: a }))} />
        </>
      }
      emptyState="No audit entries match these filters."
    />
  );
}
