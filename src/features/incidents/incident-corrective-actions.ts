import type { Actor } from "../../core/actor.js";
import type { Tx } from "../../core/transaction.js";
import type { CorrectiveAction, Incident } from "../../db/generated/client.js";
import type { CorrectiveActionStatus } from "../../db/generated/enums.js";
import { CORRECTIVE_ACTION_CONTROLS } from "./controls.js";
import { closeCorrectiveAction, handOverCorrectiveAction } from "../corrective-actions/close-action.js";
import { WITH_SUBJECTS } from "../corrective-actions/corrective-action-item.js";
import { parseCorrectiveActionForm, type CorrectiveActionFieldErrors, type RawCorrectiveActionForm } from "./corrective-action-form.js";
import { claimOpenIncident, deliverChanges, recordChange } from "./incident-changes.js";
import type { IncidentServiceDeps } from "./incident-deps.js";
import { createCorrectiveAction } from "./incident-records.js";
import { changeRefusal, closedRefusal, incidentToChange, type IncidentRefusal } from "./incident-refusals.js";
import { CORRECTIVE_ACTION_WORDING } from "../corrective-actions/corrective-action-wording.js";
import { SHARED_WORDING } from "../shared-wording.js";

export type CorrectiveActionResult =
  | { kind: "added"; incident: Incident; action: CorrectiveAction }
  | { kind: "invalid"; errors: CorrectiveActionFieldErrors }
  | IncidentRefusal;
export type CorrectiveActionStatusResult = { kind: "updated"; action: CorrectiveAction } | IncidentRefusal;
export type CorrectiveActionReassignResult =
  | { kind: "reassigned"; action: CorrectiveAction }
  | { kind: "invalid"; message: string }
  | IncidentRefusal;

export async function addCorrectiveAction(
  deps: IncidentServiceDeps,
  actor: Actor,
  reference: string,
  form: RawCorrectiveActionForm,
): Promise<CorrectiveActionResult> {
  const { prisma, clock, events } = deps;
  const found = await incidentToChange(deps, actor, reference);
  if (!("incident" in found)) return found;
  const { incident } = found;
  const parsed = parseCorrectiveActionForm(form, clock.now());
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };

  const result = await prisma.$transaction(async (tx) => {
    if (!(await claimOpenIncident(tx, clock, incident.id))) return null;
    const action = await createCorrectiveAction(tx, clock, actor, incident, parsed.input);
    return { action, incident: await recordChange(tx, events, incident.id, { kind: "corrective_action", action }) };
  });
  if (!result) return closedRefusal(reference);
  deliverChanges(events);
  return { kind: "added", ...result };
}

type IncidentAction = CorrectiveAction & { incident: Incident; nonconformity: { reference: string } | null };

/** An incident's corrective action with its incident; null when there is none or it belongs to a nonconformity only. */
async function incidentAction(tx: Tx, actionId: number): Promise<IncidentAction | null> {
  const found = await tx.correctiveAction.findUnique({ where: { id: actionId }, include: { incident: true, nonconformity: WITH_SUBJECTS.nonconformity } });
  return found?.incident ? { ...found, incident: found.incident } : null;
}

/** Marks an open corrective action done or cancelled inside `tx`: guarded, audited, and the action's reminders stop. */
export async function setCorrectiveActionStatusIn(
  deps: IncidentServiceDeps,
  tx: Tx,
  actor: Actor,
  actionId: number,
  status: Exclude<CorrectiveActionStatus, "open">,
): Promise<CorrectiveActionStatusResult> {
  const { events } = deps;
  const action = await incidentAction(tx, actionId);
  if (!action) return { kind: "not_found", message: CORRECTIVE_ACTION_WORDING.noSuchAction };
  const forbidden = await correctiveActionRefusal(deps, actor, action, tx);
  if (forbidden) return { kind: "forbidden", message: forbidden };
  const closed = await closeCorrectiveAction(deps, tx, actor, action, status, CORRECTIVE_ACTION_CONTROLS);
  if (closed.kind === "refused") return closed;
  const after = closed.action;
  await recordChange(tx, events, action.incident.id, { kind: "corrective_action", action: after });
  return { kind: "updated", action: after };
}

/**
 * Gives an open corrective action to another owner inside `tx`, refused unless `from` (by default whoever owns it
 * now) still owns it. Its pending reminders are cancelled.
 */
export async function reassignCorrectiveActionIn(
  deps: IncidentServiceDeps,
  tx: Tx,
  actor: Actor,
  actionId: number,
  owner: Actor,
  from?: Pick<Actor, "channel" | "id">,
): Promise<CorrectiveActionReassignResult> {
  const { events } = deps;
  const action = await incidentAction(tx, actionId);
  if (!action) return { kind: "not_found", message: CORRECTIVE_ACTION_WORDING.noSuchAction };
  const forbidden = await correctiveActionRefusal(deps, actor, action, tx);
  if (forbidden) return { kind: "forbidden", message: forbidden };
  if (await deps.roles.samePerson(owner, { channel: action.ownerChannel, id: action.ownerId }, tx)) return { kind: "invalid", message: SHARED_WORDING.alreadyOwner };
  const handed = await handOverCorrectiveAction(deps, tx, actor, action, owner, from, CORRECTIVE_ACTION_CONTROLS);
  if (handed.kind === "refused") return handed;
  const after = handed.action;
  await recordChange(tx, events, action.incident.id, { kind: "corrective_action", action: after });
  return { kind: "reassigned", action: after };
}

/** A corrective action's owner may close or hand over their own action; otherwise as for its incident. */
async function correctiveActionRefusal(
  { roles }: IncidentServiceDeps,
  actor: Pick<Actor, "channel" | "id">,
  action: CorrectiveAction & { incident: Incident },
  tx: Tx,
): Promise<string | null> {
  return (await roles.samePerson(actor, { channel: action.ownerChannel, id: action.ownerId }, tx)) ? null : changeRefusal(roles, actor, action.incident, tx);
}
