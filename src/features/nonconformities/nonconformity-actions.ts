import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Tx } from "../../core/transaction.js";
import type { CorrectiveAction, Nonconformity } from "../../db/generated/client.js";
import { closeCorrectiveAction, handOverCorrectiveAction } from "../corrective-actions/close-action.js";
import { WITH_SUBJECTS } from "../corrective-actions/corrective-action-item.js";
import { parseCorrectiveActionForm, type RawCorrectiveActionForm } from "../incidents/corrective-action-form.js";
import { recordChange as recordIncidentChange } from "../incidents/incident-changes.js";
import { settleOccurrence } from "../reminders/settle.js";
import { NC_CORRECTIVE_ACTION_CONTROLS } from "./controls.js";
import {
  checkDueAfter,
  effectivenessCheckItem,
  ncChangeRefusal,
  ncNotFound,
  recordNcChange,
  type NcInvalid,
  type NcRefusal,
  type NonconformityDeps,
} from "./nonconformity-records.js";
import { CORRECTIVE_ACTION_WORDING } from "../corrective-actions/corrective-action-wording.js";
import { SHARED_WORDING } from "../shared-wording.js";

export type AddActionResult = { kind: "added"; action: CorrectiveAction; nonconformity: Nonconformity } | NcInvalid | NcRefusal;
export type ActionStatusResult = { kind: "updated"; action: CorrectiveAction; nonconformity: Nonconformity } | NcRefusal;
export type ActionReassignResult = { kind: "reassigned"; action: CorrectiveAction } | { kind: "invalid"; message: string } | NcRefusal;

/**
 * Adds a corrective action to an open nonconformity (or one awaiting its check: new actions reopen it, and the check
 * waits for them). The owner is a person picked in the form.
 */
export async function addNcAction(deps: NonconformityDeps, actor: Actor, reference: string, raw: RawCorrectiveActionForm, owner: Actor | undefined): Promise<AddActionResult> {
  const { prisma, clock, events, roles } = deps;
  const nc = await prisma.nonconformity.findUnique({ where: { reference: reference.toUpperCase() } });
  if (!nc) return ncNotFound(reference);
  const forbidden = await ncChangeRefusal(roles, actor, nc);
  if (forbidden) return { kind: "forbidden", message: forbidden };
  const parsed = parseCorrectiveActionForm({ ...raw, ownerId: owner?.id ?? raw.ownerId }, clock.now());
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const who = owner ?? { channel: actor.channel, id: parsed.input.ownerId };
  const result = await prisma.$transaction(async (tx) => {
    const claimed = await tx.nonconformity.updateMany({
      where: { id: nc.id, status: { in: ["open", "checking"] } },
      data: { status: "open", checkDueAt: null, updatedAt: clock.now() },
    });
    if (claimed.count === 0) return null;
    if (nc.status === "checking" && nc.checkDueAt) {
      await settleOccurrence(tx, events, effectivenessCheckItem({ ...nc, checkDueAt: nc.checkDueAt }), { actor, at: clock.now(), note: "New corrective action added", cancelled: true });
    }
    const action = await tx.correctiveAction.create({
      data: {
        createdAt: clock.now(),
        nonconformityId: nc.id,
        description: parsed.input.description,
        ownerChannel: who.channel,
        ownerId: who.id,
        ownerName: who.name ?? null,
        dueDate: parsed.input.dueDate,
        createdByChannel: actor.channel,
        createdById: actor.id,
        controls: [...NC_CORRECTIVE_ACTION_CONTROLS],
      },
    });
    await recordAudit(tx, clock, {
      actor,
      action: "nonconformity.corrective_action_added",
      entityType: "corrective_action",
      entityId: action.id,
      before: nc.status === "checking" ? { nonconformityStatus: "checking" } : undefined,
      after: { ...action, nonconformity: nc.reference },
      controls: NC_CORRECTIVE_ACTION_CONTROLS,
    });
    return { action, nonconformity: await recordNcChange(tx, events, nc.id, "corrective_action") };
  });
  if (!result) return { kind: "refused", message: `${nc.reference} is closed, so its record is final.` };
  void events.deliverPending();
  return { kind: "added", ...result };
}

type NcAction = CorrectiveAction & { nonconformity: Nonconformity; incident: { reference: string } | null };

async function ncAction(tx: Tx, actionId: number): Promise<NcAction | null> {
  const found = await tx.correctiveAction.findUnique({ where: { id: actionId }, include: { nonconformity: true, incident: WITH_SUBJECTS.incident } });
  return found?.nonconformity ? { ...found, nonconformity: found.nonconformity } : null;
}

/** The action's owner may close or hand over their own action; otherwise as for its nonconformity. */
async function actionRefusal(deps: NonconformityDeps, actor: Pick<Actor, "channel" | "id">, action: NcAction, tx: Tx): Promise<string | null> {
  if (await deps.roles.samePerson(actor, { channel: action.ownerChannel, id: action.ownerId }, tx)) return null;
  return ncChangeRefusal(deps.roles, actor, action.nonconformity, tx);
}

/** Shows the change on the incident too, when the action came from one. */
async function recordIncidentSide(deps: NonconformityDeps, tx: Tx, action: CorrectiveAction): Promise<void> {
  if (action.incidentId !== null) await recordIncidentChange(tx, deps.events, action.incidentId, { kind: "corrective_action", action });
}

/**
 * Marks an open corrective action of a nonconformity done or cancelled inside `tx`: guarded, audited, its reminders
 * stopped. When it was the last open one and at least one is done, the effectiveness check is scheduled.
 */
export async function setNcActionStatusIn(
  deps: NonconformityDeps,
  tx: Tx,
  actor: Actor,
  actionId: number,
  status: "done" | "cancelled",
): Promise<ActionStatusResult> {
  const { events } = deps;
  const action = await ncAction(tx, actionId);
  if (!action) return { kind: "not_found", message: CORRECTIVE_ACTION_WORDING.noSuchAction };
  const forbidden = await actionRefusal(deps, actor, action, tx);
  if (forbidden) return { kind: "forbidden", message: forbidden };
  const closed = await closeCorrectiveAction(deps, tx, actor, { ...action, nonconformity: { reference: action.nonconformity.reference } }, status, NC_CORRECTIVE_ACTION_CONTROLS);
  if (closed.kind === "refused") return closed;
  const after = closed.action;
  await scheduleCheckIfDone(deps, tx, actor, action.nonconformity.id);
  await recordIncidentSide(deps, tx, after);
  return { kind: "updated", action: after, nonconformity: await recordNcChange(tx, events, action.nonconformity.id, "corrective_action") };
}

/** Once no action is open and one is done, the open nonconformity waits for its effectiveness check. */
async function scheduleCheckIfDone(deps: NonconformityDeps, tx: Tx, actor: Actor, nonconformityId: number): Promise<void> {
  const [open, done] = await Promise.all([
    tx.correctiveAction.count({ where: { nonconformityId, status: "open" } }),
    tx.correctiveAction.count({ where: { nonconformityId, status: "done" } }),
  ]);
  if (open > 0 || done === 0) return;
  const checkDueAt = checkDueAfter(deps.clock.now());
  const moved = await tx.nonconformity.updateMany({ where: { id: nonconformityId, status: "open" }, data: { status: "checking", checkDueAt } });
  if (moved.count === 0) return;
  const nc = await tx.nonconformity.findUniqueOrThrow({ where: { id: nonconformityId } });
  await recordAudit(tx, deps.clock, {
    actor,
    action: "nonconformity.check_scheduled",
    entityType: "nonconformity",
    entityId: nc.reference,
    before: { status: "open" },
    after: { status: "checking", checkDueAt },
    controls: nc.controls,
  });
}

/** Gives an open corrective action of a nonconformity to another owner inside `tx`, refused unless `from` still owns it. */
export async function reassignNcActionIn(
  deps: NonconformityDeps,
  tx: Tx,
  actor: Actor,
  actionId: number,
  owner: Actor,
  from?: Pick<Actor, "channel" | "id">,
): Promise<ActionReassignResult> {
  const { events, roles } = deps;
  const action = await ncAction(tx, actionId);
  if (!action) return { kind: "not_found", message: CORRECTIVE_ACTION_WORDING.noSuchAction };
  const forbidden = await actionRefusal(deps, actor, action, tx);
  if (forbidden) return { kind: "forbidden", message: forbidden };
  if (await roles.samePerson(owner, { channel: action.ownerChannel, id: action.ownerId }, tx)) return { kind: "invalid", message: SHARED_WORDING.alreadyOwner };
  const handed = await handOverCorrectiveAction(deps, tx, actor, { ...action, nonconformity: { reference: action.nonconformity.reference } }, owner, from, NC_CORRECTIVE_ACTION_CONTROLS);
  if (handed.kind === "refused") return handed;
  const after = handed.action;
  await recordIncidentSide(deps, tx, after);
  await recordNcChange(tx, events, action.nonconformity.id, "corrective_action");
  return { kind: "reassigned", action: after };
}
