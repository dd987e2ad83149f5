import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Tx } from "../../core/transaction.js";
import type { CorrectiveAction } from "../../db/generated/client.js";
import { cancelReminders, settleOccurrence } from "../reminders/settle.js";
import { correctiveActionItem, type CorrectiveActionOf } from "./corrective-action-item.js";

export type ClosedAction = { kind: "closed"; action: CorrectiveAction } | { kind: "refused"; message: string };

/**
 * Marks an open corrective action done or cancelled inside `tx`, whatever it corrects (an incident, a nonconformity or
 * both): a guarded update, the audit event, and its reminders settled. Who may do it is the caller's rule.
 */
export async function closeCorrectiveAction(
  deps: { clock: Clock; events: EventBus },
  tx: Tx,
  actor: Actor,
  action: CorrectiveActionOf,
  status: "done" | "cancelled",
  controls: readonly string[],
): Promise<ClosedAction> {
  const { clock, events } = deps;
  const claimed = await tx.correctiveAction.updateMany({
    where: { id: action.id, status: "open" },
    data: { status, completedAt: status === "done" ? clock.now() : null },
  });
  const after = await tx.correctiveAction.findUniqueOrThrow({ where: { id: action.id } });
  if (claimed.count === 0) return { kind: "refused", message: `That corrective action is already ${after.status}.` };
  await recordAudit(tx, clock, {
    actor,
    action: `corrective_action.${status}`,
    entityType: "corrective_action",
    entityId: action.id,
    before: { status: "open" },
    after: { status, ...(action.nonconformity ? { nonconformity: action.nonconformity.reference } : {}), ...(action.incident ? { incident: action.incident.reference } : {}) },
    controls: [...controls],
  });
  await settleOccurrence(tx, events, correctiveActionItem(action), { actor, at: clock.now(), note: `Corrective action ${status}`, cancelled: status === "cancelled" });
  return { kind: "closed", action: after };
}

export type HandedOver = { kind: "reassigned"; action: CorrectiveAction } | { kind: "refused"; message: string };

/**
 * Gives an open corrective action to `owner` inside `tx`, whatever it corrects: guarded on its expected owner (`from`,
 * by default whoever owns it now), audited, and the old owner's reminders cancelled. Who may do it is the caller's rule.
 */
export async function handOverCorrectiveAction(
  deps: { clock: Clock; events: EventBus },
  tx: Tx,
  actor: Actor,
  action: CorrectiveActionOf,
  owner: Pick<Actor, "channel" | "id" | "name">,
  from: Pick<Actor, "channel" | "id"> | undefined,
  controls: readonly string[],
): Promise<HandedOver> {
  const expected = from ?? { channel: action.ownerChannel, id: action.ownerId };
  const claimed = await tx.correctiveAction.updateMany({
    where: { id: action.id, status: "open", ownerChannel: expected.channel, ownerId: expected.id },
    data: { ownerChannel: owner.channel, ownerId: owner.id, ownerName: owner.name ?? null },
  });
  if (claimed.count === 0) return { kind: "refused", message: "That corrective action changed meanwhile (done, cancelled or reassigned)." };
  await recordAudit(tx, deps.clock, {
    actor,
    action: "corrective_action.reassigned",
    entityType: "corrective_action",
    entityId: action.id,
    before: { owner: { channel: action.ownerChannel, id: action.ownerId } },
    after: { owner: { channel: owner.channel, id: owner.id }, ...(action.nonconformity ? { nonconformity: action.nonconformity.reference } : {}), ...(action.incident ? { incident: action.incident.reference } : {}) },
    controls: [...controls],
  });
  await cancelReminders(tx, deps.events, correctiveActionItem(action), owner);
  return { kind: "reassigned", action: await tx.correctiveAction.findUniqueOrThrow({ where: { id: action.id } }) };
}
