/** The event pages, in tab order. Each capability adds its page here. */
export const EVENT_TABS: Array<{ segment: string; label: string }> = [
  { segment: "", label: "Overview" },
  { segment: "activity", label: "Activity" },
  { segment: "keys", label: "Keys" },
  { segment: "fields", label: "Profile fields" },
  { segment: "debugger", label: "Token debugger" },
  { segment: "links", label: "Test links" },
  { segment: "snippets", label: "Snippets" },
  { segment: "settings", label: "Settings" },
];
