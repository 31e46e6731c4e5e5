import { listIssuedLinks } from "@/lib/links/service";
import type { TenantContext } from "@/lib/tenancy/context";
import { LINKS_NOW, linkQueryCases, listParamsOf } from "@/test/issued-links-fixture";

export async function runLinkBench(ctx: TenantContext, eventSlug: string, rows: number, median: (work: () => Promise<unknown>) => Promise<number>) {
  console.log("| issued-links table (count + one page) | rows found | ms (median of 5) |\n| --- | --- | --- |");
  for (const testCase of linkQueryCases(rows)) {
    let found = 0;
    const ms = await median(async () => {
      found = (await listIssuedLinks(ctx, eventSlug, listParamsOf(testCase), LINKS_NOW)).total;
    });
    console.log(`| ${testCase[0]} | ${found.toLocaleString("en-US")} | ${ms.toFixed(1)} |`);
  }
}
