"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { ServerDataTable, TableExport, TableFilter, TableSearch, serverTableFeatures, type ServerTablePage } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { auditActionGroups, describeAuditAction } from "@/lib/audit/actions";
import { parseAuditDetails, presentAuditDetails } from "@/lib/audit/present";
import { Time } from "@/components/ui/time";

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

/** Changes as before → after, the other facts as labelled values (lib/audit/present.ts). */
function AuditDetails({ action, details }: { action: string; details: string | null }) {
  const { changes, values } = presentAuditDetails(action, parseAuditDetails(details));
  if (changes.length === 0 && values.length === 0) return null;
  return (
    <dl className="mt-1.5 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs" data-testid="audit-details">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="text-slate-500">{c.label}</dt>
          <dd className="break-words text-slate-800">
            <span className="text-slate-500 line-through decoration-slate-400">{c.before}</span>
            <span aria-label="changed to" className="px-1 text-slate-500">
              →
            </span>
            <span className="font-medium">{c.after}</span>
          </dd>
        </div>
      ))}
      {values.map((v) => (
        <div key={v.field} className="contents">
          <dt className="text-slate-500">{v.label}</dt>
          <dd className="break-all text-slate-800">{v.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const column = createColumnHelper<typeof serverTableFeatures, AuditTableRow>();
const columns = [
  column.accessor("createdAt", { header: "When", cell: (info) => <Time value={info.getValue()} className="sm:whitespace-nowrap" /> }),
  column.accessor("actorLabel", {
    header: "Who",
    enableSorting: false,
    cell: (info) => (
      <span className="flex flex-wrap items-center gap-2 break-words">
        {info.getValue()}
        {info.row.original.actorType !== "user" ? <Badge>{info.row.original.actorType.replace("_", " ")}</Badge> : null}
      </span>
    ),
  }),
  column.accessor("action", {
    header: "What",
    enableSorting: false,
    cell: (info) => (
      <div className="min-w-56">
        <span className="font-medium">{describeAuditAction(info.getValue())}</span>{" "}
        <code className="font-mono text-xs text-slate-500">{info.getValue()}</code>
        <AuditDetails action={info.getValue()} details={info.row.original.details} />
      </div>
    ),
  }),
  column.accessor("targetLabel", {
    header: "Target",
    enableSorting: false,
    cell: (info) => (
      <div className="break-words">
        {info.getValue()}
        {info.row.original.eventSlug ? <p className="font-mono text-xs text-slate-500">event {info.row.original.eventSlug}</p> : null}
      </div>
    ),
  }),
];

export function AuditTable({ page, actors, exportHref }: { page: ServerTablePage<AuditTableRow>; actors: string[]; exportHref: string }) {
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
            options={auditActionGroups().map((group) => ({
              group: group.label,
              options: [{ value: group.all, label: `All: ${group.label.toLowerCase()}` }, ...group.actions],
            }))}
          />
          <TableFilter name="actor" label="Who" options={actors.map((a) => ({ value: a, label: a }))} />
          <TableExport href={exportHref} />
        </>
      }
      cardsOnPhone
      emptyState="Nothing has been recorded yet."
      filteredEmptyState="No audit entries match these filters."
    />
  );
}
