import type { Metadata } from "next";
import { getEvent } from "@/lib/events/service";
import { orNotFound, pageTenant } from "@/lib/tenancy/page";
import { TokenDebugger } from "@/components/debugger/token-debugger";

export const metadata: Metadata = { title: "Token debugger" };

export default async function TokenDebuggerPage({ params }: { params: Promise<{ org: string; event: string }> }) {
  const { org, event: slug } = await params;
  const { ctx } = await pageTenant(org);
  const event = await orNotFound(getEvent(ctx, slug));
  return <TokenDebugger orgSlug={org} eventSlug={event.slug} />;
}
