/** What the generate and paste dialogs take from AddKeyDialogs, which opens one at a time. */
export interface AddKeyDialogProps {
  orgSlug: string;
  eventSlug: string;
  hasActiveKey: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}
