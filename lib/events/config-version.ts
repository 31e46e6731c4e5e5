import type { Transaction } from "@/lib/db/create-client";

/**
 * Marks a change to what the attendee entry caches per event (keys, policy, features, profile
 * fields): the entry reloads an event whose configVersion moved. Written first in a transaction,
 * the row write also serializes concurrent changes of the same event (PostgreSQL holds a second
 * writer until the first commits; SQLite has one writer), so what the transaction reads next is
 * current. Not server-only: the CLI's seed uses it too.
 */
export async function bumpConfigVersion(tx: Pick<Transaction, "event">, eventId: string): Promise<void> {
  await tx.event.update({ where: { id: eventId }, data: { configVersion: { increment: 1 } }, select: { id: true } });
}
