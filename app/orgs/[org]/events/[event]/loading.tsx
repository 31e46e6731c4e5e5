import { CardSkeleton, PageSkeleton, Skeleton } from "@/components/ui/skeleton";

/** An event tab while its data loads; the event's name and tabs (its layout) stay in place. */
export default function EventTabLoading() {
  return (
    <PageSkeleton label="Loading the event…">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <CardSkeleton lines={6} />
        <CardSkeleton lines={3} />
      </div>
    </PageSkeleton>
  );
}
