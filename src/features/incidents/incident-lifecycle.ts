import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import { withNewReference } from "../../core/references.js";
import type { Tx } from "../../core/transaction.js";
import type { Incident } from "../../db/generated/client.js";
import { parseClosingForm, type ClosingFieldErrors, type RawClosingForm } from "./closing-form.js";
import { INCIDENT_CONTROLS } from "./controls.js";
import { deliverChanges, recordChange } from "./incident-changes.js";
import type { IncidentServiceDeps } from "./incident-deps.js";
import { needsDedicatedRoom, parseIncidentForm, type IncidentFieldErrors, type RawIncidentForm } from "./incident-form.js";
import { findIncident } from "./incident-queries.js";
import { addTimelineEntry, createCorrectiveAction } from "./incident-records.js";
import { incidentToChange, notFound, type IncidentRefusal } from "./incident-refusals.js";
import { STATUS_LABELS, transitionRefusal, type IncidentStatus } from "./incident-status.js";
import "./incident-events.js";

export type ReportResult = { ok: true; incident: Incident } | { ok: false; errors: IncidentFieldErrors };
export type StatusResult =
  | { kind: "changed"; incident: Incident }
  | { kind: "closing_needs_form"; incident: Incident }
  | IncidentRefusal;
export type CloseResult = { kind: "closed"; incident: Incident } | { kind: "invalid"; errors: ClosingFieldErrors } | IncidentRefusal;

export async function reportIncident(deps: IncidentServiceDeps, actor: Actor, form: RawIncidentForm, submissionKey: string): Promise<ReportResult> {
  const { prisma, clock, events } = deps;
  const parsed = parseIncidentForm(form, clock.now());
  if (!parsed.ok) return parsed;
  const input = parsed.input;

  const existing = await prisma.incident.findUnique({ where: { submissionKey } });
  if (existing) return { ok: true, incident: existing };
  const aiSystem = input.aiSystem ? await prisma.aiSystem.findUnique({ where: { reference: input.aiSystem } }) : null;
  if (input.aiSystem && !aiSystem) return { ok: false, errors: { aiSystem: "That AI system is no longer in the register" } };

  const incident = await withNewReference(deps, "INC", (reference) =>
    prisma.$transaction(async (tx) => {
      const created = await tx.incident.create({
        data: {
          createdAt: clock.now(),
          reference,
          submissionKey,
          title: input.title,
          aiSystemId: aiSystem?.id ?? null,
          affectedSystem: aiSystem?.name ?? input.aiSystemOther!,
          description: input.description,
          detectedAt: input.detectedAt,
          severity: input.severity,
          harmedParties: input.harmedParties,
          containment: input.containment,
          externalReporting: input.externalReporting,
          reporterChannel: actor.channel,
          reporterId: actor.id,
          reporterName: actor.name,
          roomStatus: needsDedicatedRoom(input.severity) ? "pending" : "not_needed",
          controls: [...INCIDENT_CONTROLS],
        },
      });
      await recordAudit(tx, clock, {
        actor,
        action: "incident.reported",
        entityType: "incident",
        entityId: created.reference,
        after: created,
        controls: INCIDENT_CONTROLS,
      });
      await events.record(tx, "incident.reported", { incident: created }, created.reference);
      return created;
    }),
  );
  deliverChanges(events);
  return { ok: true, incident };
}

/** Moves an incident along its lifecycle. Closing has requirements of its own: see `closeIncident`. */
export async function changeIncidentStatus(deps: IncidentServiceDeps, actor: Actor, reference: string, to: IncidentStatus): Promise<StatusResult> {
  const found = await incidentToChange(deps, actor, reference);
  if (!("incident" in found)) return found;
  const { incident } = found;
  const refusal = transitionRefusal(reference, incident.status, to);
  if (refusal) return { kind: "refused", message: refusal };
  if (to === "closed") return { kind: "closing_needs_form", incident };

  const updated = await deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.incident.updateMany({ where: { id: incident.id, status: incident.status }, data: { status: to } });
    if (claimed.count === 0) return null;
    await recordStatusChange(tx, deps, actor, incident, to);
    return recordChange(tx, deps.events, incident.id, { kind: "status", from: incident.status, to });
  });
  if (!updated) return changedMeanwhile(deps, reference, to);
  deliverChanges(deps.events);
  return { kind: "changed", incident: updated };
}

/** Closes a resolved incident with its root cause and corrective actions (or the reason none is needed). */
export async function closeIncident(deps: IncidentServiceDeps, actor: Actor, reference: string, form: RawClosingForm): Promise<CloseResult> {
  const { prisma, clock } = deps;
  const found = await incidentToChange(deps, actor, reference);
  if (!("incident" in found)) return found;
  const { incident } = found;
  const refusal = transitionRefusal(reference, incident.status, "closed");
  if (refusal) return { kind: "refused", message: refusal };
  const existingActions = await prisma.correctiveAction.count({
    where: { incidentId: incident.id, status: { not: "cancelled" } },
  });
  const parsed = parseClosingForm(form, clock.now(), existingActions);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const { rootCause, correctiveAction, noActionReason } = parsed.input;

  const updated = await prisma.$transaction(async (tx) => {
    const claimed = await tx.incident.updateMany({
      where: { id: incident.id, status: "resolved" },
      data: { status: "closed", rootCause, noCorrectiveActionReason: noActionReason ?? null, closedAt: clock.now() },
    });
    if (claimed.count === 0) return null;
    if (correctiveAction) await createCorrectiveAction(tx, clock, actor, incident, correctiveAction);
    await recordStatusChange(tx, deps, actor, incident, "closed", { rootCause, noCorrectiveActionReason: noActionReason ?? null });
    return recordChange(tx, deps.events, incident.id, { kind: "status", from: incident.status, to: "closed" });
  });
  if (!updated) return changedMeanwhile(deps, reference, "closed");
  deliverChanges(deps.events);
  return { kind: "closed", incident: updated };
}

async function recordStatusChange(
  tx: Tx,
  { clock }: IncidentServiceDeps,
  actor: Actor,
  incident: Incident,
  to: IncidentStatus,
  details: Record<string, unknown> = {},
): Promise<void> {
  const text = `Status changed from ${STATUS_LABELS[incident.status]} to ${STATUS_LABELS[to]}.`;
  await addTimelineEntry(tx, clock, { incidentId: incident.id, kind: "status_change", text, author: actor });
  await recordAudit(tx, clock, {
    actor,
    action: to === "closed" ? "incident.closed" : "incident.status_changed",
    entityType: "incident",
    entityId: incident.reference,
    before: { status: incident.status },
    after: { status: to, ...details },
    controls: INCIDENT_CONTROLS,
  });
}

async function changedMeanwhile({ prisma }: IncidentServiceDeps, reference: string, to: IncidentStatus): Promise<IncidentRefusal> {
  const current = await findIncident(prisma, reference);
  const message = current
    ? (transitionRefusal(reference, current.status, to) ?? `${reference} changed while you were deciding; please try again.`)
    : notFound(reference).message;
  return { kind: "refused", message };
}
