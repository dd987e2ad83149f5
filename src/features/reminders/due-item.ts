import type { AimsRole } from "../../core/roles.js";
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
  /**
   * Others reminded with the owner when the item is shared (a concern's triagers until one is assigned). They may act
   * on the reminder as the owner can; an escalation still goes once to the AIMS owners.
   */
  sharedWith?: readonly DueItemOwner[];
  /**
   * For deadlines counted in working hours (approval stages): the owner is reminded once when due, and the item
   * escalates at this moment, after `graceWorkingHours`, instead of the grace days after the due date.
   */
  escalateAt?: Date;
  graceWorkingHours?: number;
  /**
   * Why nobody can act on the item (an approval stage nobody may decide): no owner reminder is sent, and it escalates
   * to the AIMS owners at its due date, without grace, with this line. The owner stands for the AIMS owners' channel.
   */
  nobodyCanAct?: string;
  /** Days before the due date its owner is reminded, when not the reminder policy's (an approval's end: 30 and 7). */
  reminderDaysBefore?: readonly number[];
  /** Only people holding one of these roles may see the item in lists (concerns stay within triage). */
  visibleTo?: readonly AimsRole[];
}

/** Why a reminder's button cannot do this itself, in words for the person (the item is done through its own flow). */
export interface DueItemRefusal {
  refused: string;
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
   * Moves the item past the occurrence due at `item.dueAt` (next review date, next check-in ...), inside `tx`, on
   * behalf of `actor`. False when the item has already moved on (someone else completed it first); a refusal when
   * only the item's own flow can do it (a new assessment signed off, a concern acknowledged in triage).
   */
  complete(tx: Tx, item: DueItem, at: Date, actor: Actor): Promise<boolean | DueItemRefusal>;
  /** Gives the item to another owner; false when it has changed since it was read. */
  reassign(tx: Tx, item: DueItem, owner: Actor, actor: Actor): Promise<boolean | DueItemRefusal>;
  /** Called once a completion or reassignment through a reminder has committed, to show it where the item lives. */
  committed?(item: DueItem): Promise<void>;
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
