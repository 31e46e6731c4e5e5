import { pageEvent } from "@/lib/tenancy/page";
import type { Metadata } from "next";
import { eventKeys, findAttempt } from "@/lib/activity/queries";
import { AttemptContext } from "@/components/activity/attempt-context";
import { TokenDebugger } from "@/components/debugger/token-debugger";

export const metadata: Metadata = { title: "Token debugger" };

export default async function TokenDebuggerPage({ params, searchParams }: { params: Promise<{ org: string; event: string }>; searchParams: Promise<{ attempt?: string | string[] }> }) {
  const { org, event: slug } = await params;
  const { attempt: attemptParam } = await searchParams;
  const event = await pageEvent(org, slug);
  const attemptId = typeof attemptParam === "string" ? attemptParam.slice(0, 64) : null;
  const attempt = attemptId ? await findAttempt(event.id, attemptId) : null;
  const keyLabel = attempt?.kid ? ((await eventKeys(event.id)).find((k) => k.kid === attempt.kid)?.label ?? null) : null;
  return (
    <div className="space-y-6">
      {attempt ? <AttemptContext attempt={attempt} keyLabel={keyLabel} now={new Date()} activityHref={`/orgs/${org}/events/${event.slug}/activity`} /> : null}
      <TokenDebugger orgSlug={org} eventSlug={event.slug} />
    </div>
  );
}
