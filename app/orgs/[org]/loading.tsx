import { PageSkeleton, Skeleton, TableSkeleton } from "@/components/ui/skeleton";

/** Organization pages (events, members, API keys, audit log…): a heading and a table's shape while the data loads. */
export default function OrganizationLoading() {
  return (
    <PageSkeleton label="Loading the page…">
      <div className="space-y-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-full max-w-lg" />
      </div>
      <TableSkeleton />
    </PageSkeleton>
  );
}
