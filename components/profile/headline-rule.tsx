/**
 * How the platform decides what sits atop a stream, stated wherever a tile is previewed so admins
 * and host developers read the same rule the code applies (lib/profile/present.ts).
 */
export function HeadlineRule({ className }: { className?: string }) {
  return (
    <p className={className} data-testid="headline-rule">
      <strong className="font-semibold">Atop the stream:</strong> the first configured field <em>in the order the token lists them</em> in userProfile,
      not the order of the field list. The others show on hover or keyboard focus; keys the event does not configure are dropped.
    </p>
  );
}
