import type { Roles } from "../../core/roles.js";
import { assessmentsSection } from "../digest/assessments-section.js";
import { concernsSection } from "../digest/concerns-section.js";
import { incidentsSection } from "../digest/incidents-section.js";
import type { IncidentService } from "../incidents/incident-service.js";
import type { Scheduling } from "./scheduling-core.js";
import { concernAcknowledgementSource, concernResolutionSource } from "../concerns/concern-deadline-sources.js";
import { correctiveActionSource } from "../incidents/corrective-action-source.js";
import { reassessmentSource } from "../assessments/reassessment-source.js";

/**
 * Impact re-assessments, concern deadlines and incident corrective actions in the reminders (and `/aims reviews`),
 * and assessments, concerns and incidents in the weekly digest.
 */
export function addRiskFollowUps(scheduling: Pick<Scheduling, "reminders" | "digest">, deps: { roles: Roles; incidents: IncidentService }): void {
  scheduling.reminders.addSource(reassessmentSource);
  scheduling.reminders.addSource(concernAcknowledgementSource(deps.roles));
  scheduling.reminders.addSource(concernResolutionSource(deps.roles));
  scheduling.reminders.addSource(correctiveActionSource(deps.incidents));
  for (const section of [assessmentsSection, concernsSection, incidentsSection]) scheduling.digest.addSection(section);
}
