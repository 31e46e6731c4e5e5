/** The elevated roles a token may grant, in the words of the platform's doc. */
export const ATTENDEE_ROLES = ["host", "presenter", "transcriber", "interpreter"] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

export const ROLE_INFO: Record<AttendeeRole, { label: string; description: string }> = {
  host: { label: "Host", description: "Can do all there is to be done." },
  presenter: { label: "Presenter", description: "May arrive early, and may put themselves on stage." },
  transcriber: { label: "Transcriber", description: "May provide live closed captioning." },
  interpreter: { label: "Interpreter", description: "May provide live audio foreign-language translation." },
};

export function isAttendeeRole(value: unknown): value is AttendeeRole {
  return typeof value === "string" && (ATTENDEE_ROLES as readonly string[]).includes(value);
}
