import { CheckboxField } from "@/components/ui/field";
import { ADD_AS_STANDBY_HINT } from "@/lib/keys/rotation";

/** Whether a key added by a dialog starts active: on by default only when the event has no active key yet. */
export function ActivateNowField({ hasActiveKey }: { hasActiveKey: boolean }) {
  return (
    <CheckboxField
      label="Activate it right away"
      name="activate"
      defaultChecked={!hasActiveKey}
      hint={
        hasActiveKey
          ? ADD_AS_STANDBY_HINT
          : "This event has no active key yet, so no attendee can sign in: activating now lets tokens signed with this key in."
      }
    />
  );
}
