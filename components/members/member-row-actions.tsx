"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/actions/members";
import { assignableRoles, type OrgRole } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { controlClasses } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { useAction } from "@/components/ui/use-action";

export function MemberRowActions({
  orgSlug,
  memberId,
  email,
  role,
  actorRole,
  isSelf,
}: {
  orgSlug: string;
  memberId: string;
  email: string;
  role: OrgRole;
  actorRole: OrgRole;
  isSelf: boolean;
}) {
  const router = useRouter();
  const change = useAction(changeMemberRoleAction);
  const remove = useAction(removeMemberAction);
  const assignable = assignableRoles(actorRole);
  const canManage = assignable.includes(role);
  // The select only proposes: arrow keys on a focused select must not change anyone's access.
  const [selected, setSelected] = useState<OrgRole>(role);
  const changed = selected !== role;
  const save = () =>
    change.run({ orgSlug, memberId, role: selected }, () => {
      toast.success(`${email} is now ${selected === "admin" ? "an" : "a"} ${selected}`);
      router.refresh();
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        {canManage ? (
          <>
            <select
              aria-label={`Role of ${email}`}
              value={selected}
              disabled={change.pending}
              onChange={(e) => {
                change.reset();
                setSelected(e.target.value as OrgRole);
              }}
              className={cn(controlClasses, "py-1")}
            >
              {assignable.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            {changed ? (
              <>
                <Button size="sm" onClick={save} disabled={change.pending} aria-label={`Save the role of ${email}`}>
                  {change.pending ? "Saving…" : "Save"}
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={change.pending}
                  onClick={() => {
                    change.reset();
                    setSelected(role);
                  }}
                >
                  Cancel
                </Button>
              </>
            ) : null}
          </>
        ) : null}
        {canManage || isSelf ? (
          <ConfirmButton
            label={isSelf ? "Leave" : "Remove"}
            title={isSelf ? "Leave this organization?" : `Remove ${email}?`}
            consequence={
              isSelf
                ? "You lose access to every event, key and link of this organization at once. An admin can invite you again."
                : `${email} loses access to this organization's events, keys and links at once. Their account stays; an admin can invite them again.`
            }
            confirmLabel={isSelf ? "Leave" : "Remove member"}
            pending={remove.pending}
            error={remove.error}
            onConfirm={(_, close) =>
              remove.run({ orgSlug, memberId }, (data) => {
                close();
                toast.success(isSelf ? "You left the organization" : `${email} was removed`);
                if (data.removedSelf) router.push("/orgs");
                else router.refresh();
              })
            }
          />
        ) : null}
      </div>
      {change.error ? (
        <p role="alert" className="max-w-xs text-right text-xs text-red-700">
          {change.error.message}
        </p>
      ) : null}
    </div>
  );
}
