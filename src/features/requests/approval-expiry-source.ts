import type { AiSystem } from "../../db/generated/client.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";
import { EXPIRY_CONTROLS } from "./controls.js";
import { reassignAiSystem } from "./register-review-source.js";

const DAY_MS = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The sentences of an approval's end in reminders. */
export const APPROVAL_END_WORDING = {
  title: (reference: string, name: string, until: Date) => `Approval of ${reference} ${name} ends on ${day(until)}: request renewal from its register entry`,
  renewInstead: (reference: string) => `An approval ends unless it is renewed: open the register entry ${reference} (the system command) and choose Request renewal.`,
} as const;

/**
 * The end of each approval that has one (`AiSystem.approvedUntil`): its system's owner is reminded `daysBefore` days
 * ahead (30 and 7 by default) to request renewal. Renewing is done through a renewal request, never from the reminder.
 */
export function approvalExpirySource(daysBefore: readonly number[]): DueItemSource {
  const lookAheadMs = Math.max(0, ...daysBefore) * DAY_MS;
  const toItem = (system: AiSystem & { approvedUntil: Date }): DueItem => ({
    source: "approval-expiry",
    itemId: system.reference,
    title: APPROVAL_END_WORDING.title(system.reference, system.name, system.approvedUntil),
    dueAt: system.approvedUntil,
    owner: { channel: system.ownerChannel, id: system.ownerId, name: system.ownerName },
    controls: EXPIRY_CONTROLS,
    kind: "task",
    reminderDaysBefore: daysBefore,
  });
  const withEnd = (system: AiSystem | null) => (system && system.status === "active" && system.approvedUntil ? toItem({ ...system, approvedUntil: system.approvedUntil }) : null);
  return {
    name: "approval-expiry",
    async listDue(db, until) {
      // Looks as far ahead as its own first reminder, which may be earlier than the policy's.
      const horizon = new Date(until.getTime() + lookAheadMs);
      const systems = await db.aiSystem.findMany({ where: { status: "active", approvedUntil: { lte: horizon } }, orderBy: { approvedUntil: "asc" } });
      return systems.flatMap((system) => withEnd(system) ?? []);
    },
    async find(db, itemId) {
      return withEnd(await db.aiSystem.findUnique({ where: { reference: itemId } }));
    },
    complete: async (_tx, item) => ({ refused: APPROVAL_END_WORDING.renewInstead(item.itemId) }),
    reassign: reassignAiSystem,
  };
}
