import type { Roles } from "../../core/roles.js";
import { assessmentsSection } from "../digest/assessments-section.js";
import { concernsSection } from "../digest/concerns-section.js";
import { incidentsSection } from "../digest/incidents-section.js";
import type { IncidentService } from "../incidents/incident-service.js";
import type { Scheduling } from "./scheduling-core.js";
import { concernAcknowledgementSource, concernResolutionSource } from "../concerns/concern-deadline-sources.js";
import { correctiveActionSource, effectivenessCheckSource } from "../nonconformities/corrective-action-source.js";
import type { NonconformityService } from "../nonconformities/nonconformity-service.js";
import { nonconformitiesSection } from "../digest/nonconformities-section.js";
import { reassessmentSource } from "../assessments/reassessment-source.js";

/**
 * Impact re-assessments, concern deadlines, corrective actions (of incidents and nonconformities) and effectiveness
 * checks in the reminders (and `/aims reviews`), and assessments, concerns, incidents and nonconformities in the
 * weekly digest.
 */
export function addRiskFollowUps(scheduling: Pick<Scheduling, "reminders" | "digest">, deps: { roles: Roles; incidents: IncidentService; nonconformities: NonconformityService }): void {
  scheduling.reminders.addSource(reassessmentSource);
  scheduling.reminders.addSource(concernAcknowledgementSource(deps.roles));
  scheduling.reminders.addSource(concernResolutionSource(deps.roles));
  scheduling.reminders.addSource(correctiveActionSource(deps.incidents, deps.nonconformities));
  scheduling.reminders.addSource(effectivenessCheckSource(deps.nonconformities));
  for (const section of [assessmentsSection, concernsSection, incidentsSection, nonconformitiesSection]) scheduling.digest.addSection(section);
}
