import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { ExternalReportDecision, Incident } from "../../db/generated/client.js";
import { EXTERNAL_REPORT_CONTROLS } from "./controls.js";
import { parseExternalReportForm, type ExternalReportFieldErrors, type RawExternalReportForm } from "./external-report-form.js";
import { deliverChanges, recordChange } from "./incident-changes.js";
import type { IncidentServiceDeps } from "./incident-deps.js";
import { incidentToChange, type IncidentRefusal } from "./incident-refusals.js";

export type ExternalReportResult =
  | { kind: "recorded"; incident: Incident; decision: ExternalReportDecision }
  | { kind: "invalid"; errors: ExternalReportFieldErrors }
  | IncidentRefusal;

/** Records who decided, when, about reporting to whom, what and why (ISO 42001 A.8.3). */
export async function recordExternalReportDecision(
  deps: IncidentServiceDeps,
  actor: Actor,
  reference: string,
  form: RawExternalReportForm,
): Promise<ExternalReportResult> {
  const { prisma, clock, events } = deps;
  const found = await incidentToChange(deps, actor, reference);
  if (!("incident" in found)) return found;
  const { incident } = found;
  const parsed = parseExternalReportForm(form);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };

  const decision = await prisma.$transaction(async (tx) => {
    const created = await tx.externalReportDecision.create({
      data: {
        incidentId: incident.id,
        ...parsed.input,
        deciderChannel: actor.channel,
        deciderId: actor.id,
        deciderName: actor.name,
        decidedAt: clock.now(),
        controls: [...EXTERNAL_REPORT_CONTROLS],
      },
    });
    await recordAudit(tx, clock, {
      actor,
      action: "incident.external_report_decided",
      entityType: "incident",
      entityId: reference,
      after: created,
      controls: EXTERNAL_REPORT_CONTROLS,
    });
    await recordChange(tx, events, incident.id, { kind: "external_report", decision: created });
    return created;
  });
  deliverChanges(events);
  return { kind: "recorded", incident, decision };
}
