import type { CorrectiveAction, IncidentTimelineEntry } from "../../db/generated/client.js";
import type { IncidentTimelineKind } from "../../db/generated/enums.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { Tx } from "../../core/transaction.js";
import { CORRECTIVE_ACTION_CONTROLS, TIMELINE_CONTROLS } from "./controls.js";
import type { CorrectiveActionInput } from "./corrective-action-form.js";

/** Writes one timeline entry inside the caller's transaction. */
export function addTimelineEntry(
  tx: Tx,
  clock: Clock,
  entry: { incidentId: number; kind: IncidentTimelineKind; text: string; author: Actor; source?: string },
): Promise<IncidentTimelineEntry> {
  return tx.incidentTimelineEntry.create({
    data: {
      incidentId: entry.incidentId,
      kind: entry.kind,
      text: entry.text,
      authorChannel: entry.author.channel,
      authorId: entry.author.id,
      authorName: entry.author.name,
      source: entry.source,
      occurredAt: clock.now(),
      controls: [...TIMELINE_CONTROLS],
    },
  });
}

/** Records a corrective action and its audit event inside the caller's transaction. Owners share the actor's platform. */
export async function createCorrectiveAction(
  tx: Tx,
  clock: Clock,
  actor: Actor,
  incident: { id: number; reference: string },
  input: CorrectiveActionInput,
): Promise<CorrectiveAction> {
  const action = await tx.correctiveAction.create({
    data: {
      createdAt: clock.now(),
      incidentId: incident.id,
      description: input.description,
      ownerChannel: actor.channel,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      createdByChannel: actor.channel,
      createdById: actor.id,
      controls: [...CORRECTIVE_ACTION_CONTROLS],
    },
  });
  await recordAudit(tx, clock, {
    actor,
    action: "incident.corrective_action_added",
    entityType: "corrective_action",
    entityId: action.id,
    after: { ...action, incident: incident.reference },
    controls: CORRECTIVE_ACTION_CONTROLS,
  });
  return action;
}
