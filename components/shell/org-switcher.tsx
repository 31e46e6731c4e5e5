"use client";

import { useRouter } from "next/navigation";
import { controlClasses } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export function OrgSwitcher({ current, organizations }: { current: string; organizations: Array<{ slug: string; name: string }> }) {
  const router = useRouter();
  return (
    <select
      aria-label="Switch organization"
      value={current}
      onChange={(e) => router.push(e.target.value === "__new" ? "/orgs" : `/orgs/${e.target.value}/events`)}
      className={cn(controlClasses, "max-w-56 py-1 font-medium")}
    >
      {organizations.map((o) => (
        <option key={o.slug} value={o.slug}>
          {o.name}
        </option>
      ))}
      <option value="__new">+ Create or join another…</option>
    </select>
  );
}
