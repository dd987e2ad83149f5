import type { Actor, ChatChannel } from "../../core/actor.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";

export interface DueItemOwner {
  channel: ChatChannel;
  id: string;
  name?: string | null;
}

/** Something with an owner and a due date that the bot reminds people about. */
export interface DueItem {
  /** The source's name, e.g. "register-review". */
  source: string;
  /** The item's reference within its source, e.g. "SYS-0001". */
  itemId: string;
  title: string;
  dueAt: Date;
  owner: DueItemOwner;
  /** Where to look at the item (a URL), when there is one. */
  link?: string;
  /** The ISO 42001 controls the item evidences. */
  controls: readonly string[];
  /** "task": done / snooze / reassign; "check_in": a progress report (objectives). */
  kind: "task" | "check_in";
}

/**
 * A feature's due items, plugged into reminders (register reviews, review schedules, objective check-ins;
 * re-assessments, concern deadlines and corrective actions plug in the same way).
 */
export interface DueItemSource {
  readonly name: string;
  /** Open items due on or before `until`. */
  listDue(db: Prisma, until: Date): Promise<DueItem[]>;
  find(db: Prisma | Tx, itemId: string): Promise<DueItem | null>;
  /**
   * Moves the item past the occurrence due at `item.dueAt` (next review date, next check-in ...), inside `tx`.
   * False when the item has already moved on (someone else completed it first).
   */
  complete(tx: Tx, item: DueItem, at: Date): Promise<boolean>;
  /** Gives the item to another owner; false when it has changed since it was read. */
  reassign(tx: Tx, item: DueItem, owner: Actor): Promise<boolean>;
}

/** One occurrence of a due item: the item at one due date. A completed review comes back with a new key. */
export function occurrenceKey(item: Pick<DueItem, "source" | "itemId" | "dueAt">): string {
  return `${item.source}|${item.itemId}|${item.dueAt.toISOString()}`;
}

export function parseOccurrenceKey(key: string): { source: string; itemId: string; dueAt: Date } | undefined {
  const [source, itemId, iso, ...rest] = key.split("|");
  const dueAt = new Date(iso ?? "");
  if (!source || !itemId || rest.length > 0 || Number.isNaN(dueAt.getTime())) return undefined;
  return { source, itemId, dueAt };
}
