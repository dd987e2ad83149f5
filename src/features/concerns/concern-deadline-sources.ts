import { CHAT_CHANNELS, type Actor } from "../../core/actor.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Concern, Prisma as Db } from "../../db/generated/client.js";
import { categoryLabel } from "./concern-form.js";
import { isOpen, OPEN_STATUSES } from "./concern-status.js";
import type { DueItem, DueItemOwner, DueItemSource } from "../reminders/due-item.js";
import { cancelReminders, settleOccurrence, type DueOccurrence } from "../reminders/settle.js";

export const CONCERN_ACKNOWLEDGEMENT_SOURCE = "concern-acknowledgement";
export const CONCERN_RESOLUTION_SOURCE = "concern-resolution";

/**
 * The only fields a concern reminder is built from. Nothing here can identify a reporter (anonymous concerns have
 * no reporter fields at all), and the description stays in the confidential triage conversation.
 */
const REMINDER_FIELDS = {
  reference: true,
  category: true,
  status: true,
  acknowledgeBy: true,
  resolveBy: true,
  assigneeChannel: true,
  assigneeId: true,
  assigneeName: true,
  controls: true,
} as const;

type ConcernDeadlineFields = Pick<Concern, keyof typeof REMINDER_FIELDS>;


interface Deadline {
  source: string;
  title: string;
  dueAt(concern: ConcernDeadlineFields): Date;
  /** Who is reminded: every configured triager, or the assigned triager once there is one (resolution only). */
  reminded(concern: ConcernDeadlineFields, triagers: DueItemOwner[]): DueItemOwner[];
  stillDue(concern: ConcernDeadlineFields): boolean;
  where(until: Date): Db.ConcernWhereInput;
  howToComplete(reference: string): string;
}

const acknowledgement: Deadline = {
  source: CONCERN_ACKNOWLEDGEMENT_SOURCE,
  title: "Acknowledge concern",
  dueAt: (concern) => concern.acknowledgeBy,
  reminded: (_concern, triagers) => triagers,
  stillDue: (concern) => concern.status === "received",
  where: (until) => ({ status: "received", acknowledgeBy: { lte: until } }),
  howToComplete: (reference) =>
    `Acknowledge ${reference} with its Acknowledge button in the triage conversation; these reminders stop once it is acknowledged.`,
};

const resolution: Deadline = {
  source: CONCERN_RESOLUTION_SOURCE,
  title: "Resolve or dismiss concern",
  dueAt: (concern) => concern.resolveBy,
  reminded: (concern, triagers) =>
    concern.assigneeChannel && concern.assigneeId
      ? [{ channel: concern.assigneeChannel, id: concern.assigneeId, name: concern.assigneeName }]
      : triagers,
  stillDue: (concern) => isOpen(concern.status),
  where: (until) => ({ status: { in: [...OPEN_STATUSES] }, resolveBy: { lte: until } }),
  howToComplete: (reference) =>
    `Close ${reference} (resolved or dismissed, with the reasons) in the triage conversation; these reminders stop once it is closed.`,
};

function occurrenceOf(deadline: Deadline, concern: ConcernDeadlineFields): DueOccurrence {
  return { source: deadline.source, itemId: concern.reference, dueAt: deadline.dueAt(concern), controls: concern.controls };
}

/**
 * A concern deadline as a reminder source. A concern has no single owner: the first person reminded stands as the
 * owner and the others share the item. Only the triage flow acknowledges, assigns or closes a concern, so Mark done
 * and Reassign say where to do it instead; the triage flow stops the reminders (see `settleConcernReminders`).
 */
function concernDeadlineSource(deadline: Deadline, roles: Roles): DueItemSource {
  // `db` may be a transaction: the role lookups must go through it (the embedded database has one connection).
  const triagers = async (db: Tx): Promise<DueItemOwner[]> => {
    const perChannel: DueItemOwner[][] = [];
    for (const channel of CHAT_CHANNELS) perChannel.push((await roles.members("triager", channel, db)).map((id) => ({ channel, id })));
    return perChannel.flat();
  };
  const toItem = (concern: ConcernDeadlineFields, triagersNow: DueItemOwner[]): DueItem | null => {
    const [owner, ...sharedWith] = deadline.reminded(concern, triagersNow);
    if (!owner) return null;
    return {
      ...occurrenceOf(deadline, concern),
      title: `${deadline.title} (${categoryLabel(concern.category)})`,
      owner,
      sharedWith,
      kind: "task",
      visibleTo: ["triager", "owner"],
    };
  };
  return {
    name: deadline.source,
    async listDue(db, until) {
      const concerns = await db.concern.findMany({ where: deadline.where(until), select: REMINDER_FIELDS, orderBy: { id: "asc" } });
      const triagersNow = await triagers(db);
      return concerns
        .map((concern) => toItem(concern, triagersNow))
        .filter((item): item is DueItem => item !== null)
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    },
    async find(db, itemId) {
      const concern = await db.concern.findUnique({ where: { reference: itemId }, select: REMINDER_FIELDS });
      return concern && deadline.stillDue(concern) ? toItem(concern, await triagers(db)) : null;
    },
    async complete(_tx, item) {
      return { refused: deadline.howToComplete(item.itemId) };
    },
    async reassign(_tx, item) {
      return { refused: `Assign ${item.itemId} with its Assign button in the triage conversation; the resolution reminders then go to the assigned triager.` };
    },
  };
}

export const concernAcknowledgementSource = (roles: Roles) => concernDeadlineSource(acknowledgement, roles);
export const concernResolutionSource = (roles: Roles) => concernDeadlineSource(resolution, roles);

/**
 * Called inside a triage step's transaction: an acknowledgement meets the acknowledgement deadline, closing meets the
 * resolution deadline (their occurrences are completed by the triager, pending reminders cancelled), and a change of
 * assignee cancels pending resolution reminders, which the next scan sends to the assignee only.
 */
export async function settleConcernReminders(tx: Tx, events: EventBus, change: { before: Concern; after: Concern; actor: Actor; at: Date }): Promise<void> {
  const { before, after, actor, at } = change;
  if (acknowledgement.stillDue(before) && !acknowledgement.stillDue(after)) {
    await settleOccurrence(tx, events, occurrenceOf(acknowledgement, before), { actor, at, note: `Acknowledged (now ${after.status})` });
  }
  if (!resolution.stillDue(after)) {
    await settleOccurrence(tx, events, occurrenceOf(resolution, before), { actor, at, note: `Closed as ${after.status}` });
  } else if (before.assigneeChannel !== after.assigneeChannel || before.assigneeId !== after.assigneeId) {
    const assignee = after.assigneeChannel && after.assigneeId ? { channel: after.assigneeChannel, id: after.assigneeId, name: after.assigneeName } : null;
    await cancelReminders(tx, events, occurrenceOf(resolution, before), assignee);
  }
}
