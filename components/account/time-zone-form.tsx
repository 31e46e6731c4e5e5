"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { setDisplayTimeZoneAction } from "@/lib/actions/account";
import { formatUtc } from "@/lib/format";
import { formatZoneShort } from "@/lib/time-zone";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDisplayTimeZone } from "@/components/ui/time";
import { useAction } from "@/components/ui/use-action";

/**
 * Account → Time zone: the dashboard always states UTC; with a zone chosen here it adds the
 * admin's own time next to it ("14:05 UTC · 15:05 CET"), and date pickers offer that zone too.
 */
export function TimeZoneForm({ zones, example }: { zones: string[]; example: string }) {
  const router = useRouter();
  // The account layout already read the saved zone for every <Time>; the form starts from it.
  const current = useDisplayTimeZone();
  const { run, pending, error } = useAction(setDisplayTimeZoneAction);
  const [zone, setZone] = useState(current ?? "");
  const changed = zone !== (current ?? "");
  return (
    <ActionForm
      className="space-y-3"
      onSubmit={() => {
        run({ timeZone: zone || null }, (data) => {
          toast.success(data.timeZone ? `Times now show ${data.timeZone} next to UTC` : "Times now show in UTC only");
          router.refresh();
        });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Show times also in" name="timeZone" value={zone} onChange={(e) => setZone(e.target.value)} className="min-w-56 flex-1 sm:max-w-sm">
          <option value="">UTC only</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
        <Button
          variant="secondary"
          onClick={() => {
            const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
            if (zones.includes(browserZone)) setZone(browserZone);
          }}
        >
          Use this browser&apos;s zone
        </Button>
      </div>
      <p className="text-sm text-slate-600" data-testid="time-zone-example">
        For example: {formatUtc(example)}
        {zone ? ` · ${formatZoneShort(example, zone)}` : ""}
      </p>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || !changed}>
          {pending ? "Saving…" : "Save time zone"}
        </Button>
      </div>
      <FormError error={error} />
    </ActionForm>
  );
}
