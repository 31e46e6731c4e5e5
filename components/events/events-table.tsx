"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { ServerDataTable, TableSearch, serverTableFeatures, type ServerTablePage } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";

export interface EventTableRow {
  id: string;
  slug: string;
  name: string;
  startsAt: string | null;
  createdAt: string;
  activeKeys: number;
  profileFields: number;
}

const column = createColumnHelper<typeof serverTableFeatures, EventTableRow>();

function columnsFor(orgSlug: string) {
  return [
    column.accessor("name", {
      header: "Name",
      cell: (info) => (
        <Link href={`/orgs/${orgSlug}/events/${info.row.original.slug}`} className="font-medium text-indigo-700 hover:underline">
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor("slug", { header: "Slug", cell: (info) => <code className="font-mono text-xs text-slate-700">{info.getValue()}</code> }),
    column.accessor("startsAt", { header: "Starts", cell: (info) => (info.getValue() ? <Time value={info.getValue()} /> : <span className="text-slate-500">Not set</span>) }),
    column.accessor("activeKeys", {
      header: "Active keys",
      enableSorting: false,
      cell: (info) => (info.getValue() > 0 ? info.getValue() : <Badge tone="amber">None: nobody can sign in</Badge>),
    }),
    column.accessor("profileFields", { header: "Profile fields", enableSorting: false }),
    column.accessor("createdAt", { header: "Created", cell: (info) => <Time value={info.getValue()} /> }),
  ];
}

export function EventsTable({ orgSlug, page }: { orgSlug: string; page: ServerTablePage<EventTableRow> }) {
  return (
    <ServerDataTable
      caption="Events"
      columns={columnsFor(orgSlug)}
      page={page}
      toolbar={<TableSearch label="Search events by name or slug" placeholder="Search name or slug…" />}
      emptyState="No events yet. Create the first one with New event."
      filteredEmptyState="No events match this search."
      cardsOnPhone
    />
  );
}
