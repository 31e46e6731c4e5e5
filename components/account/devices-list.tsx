"use client";

import { useRouter } from "next/navigation";
import { endAllDevicesAction, endDeviceAction } from "@/lib/actions/account";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAction } from "@/components/ui/use-action";
import { Time } from "@/components/ui/time";

export interface DeviceRow {
  id: string;
  browser: string;
  network: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export function DevicesList({ devices }: { devices: DeviceRow[] }) {
  const router = useRouter();
  const endOne = useAction(endDeviceAction);
  const endAll = useAction(endAllDevicesAction);
  return (
    <div className="space-y-4">
      <ul className="-my-2 divide-y divide-slate-100">
        {devices.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="device-row">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {d.browser} {d.current ? <Badge tone="indigo">This browser</Badge> : null}
              </p>
              <p className="text-sm text-slate-600">Network {d.network}</p>
              <p className="text-xs text-slate-500">
                Signed in <Time value={d.createdAt} /> · last seen <Time value={d.lastSeenAt} />
              </p>
            </div>
            {d.current ? null : (
              <ConfirmButton
                label="Sign out"
                title="Sign this device out?"
                consequence={`${d.browser} (network ${d.network}) will have to sign in again.`}
                confirmLabel="Sign out device"
                pending={endOne.pending}
                error={endOne.error}
                onConfirm={(_typed, close) =>
                  endOne.run({ sessionId: d.id }, () => {
                    close();
                    router.refresh();
                  })
                }
              />
            )}
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-200 pt-4">
        <ConfirmButton
          label="Sign out everywhere"
          title="Sign out on every device?"
          consequence="Every browser signed in to your account is signed out, this one included. You then sign in again here."
          confirmLabel="Sign out everywhere"
          pending={endAll.pending}
          error={endAll.error}
          onConfirm={() => endAll.run({}, () => router.push("/sign-in?notice=signed-out-everywhere"))}
        />
      </div>
    </div>
  );
}
