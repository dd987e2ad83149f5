import type { Prisma } from "../../db/database.js";
import type { AiSystem, CorrectiveAction, ExternalReportDecision, Incident, IncidentTimelineEntry } from "../../db/generated/client.js";
import type { CorrectiveActionStatus } from "../../db/generated/enums.js";
import type { PeopleNames } from "../people/people-names.js";

export type IncidentDetails = Incident & {
  aiSystem: AiSystem | null;
  timeline: IncidentTimelineEntry[];
  correctiveActions: CorrectiveAction[];
  externalReportDecisions: ExternalReportDecision[];
};

export function findIncident(prisma: Prisma, reference: string): Promise<Incident | null> {
  return prisma.incident.findUnique({ where: { reference: reference.toUpperCase() } });
}

/** The incident with everything its summary shows; corrective action owners with the names the bot knows. */
export async function incidentDetails(prisma: Prisma, people: PeopleNames, reference: string): Promise<IncidentDetails | null> {
  const incident = await prisma.incident.findUnique({
    where: { reference: reference.toUpperCase() },
    include: {
      aiSystem: true,
      timeline: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
      correctiveActions: { orderBy: { id: "asc" } },
      externalReportDecisions: { orderBy: { id: "asc" } },
    },
  });
  return incident && { ...incident, correctiveActions: await people.withOwnerNames(incident.correctiveActions) };
}

/** Register entries an incident can be reported against (not retired), by name. */
export function affectableSystems(prisma: Prisma, limit: number): Promise<AiSystem[]> {
  return prisma.aiSystem.findMany({ where: { status: { not: "retired" } }, orderBy: { name: "asc" }, take: limit });
}

/** Incidents not yet closed, newest first. */
export function activeIncidents(prisma: Prisma, limit: number): Promise<Incident[]> {
  return prisma.incident.findMany({ where: { status: { not: "closed" } }, orderBy: { id: "desc" }, take: limit });
}

/** Corrective actions by status and due date, soonest due first: what reminders and reports need. */
export function correctiveActions(prisma: Prisma, filter: { status?: CorrectiveActionStatus; dueBefore?: Date }): Promise<CorrectiveAction[]> {
  return prisma.correctiveAction.findMany({
    where: { status: filter.status, dueDate: filter.dueBefore ? { lt: filter.dueBefore } : undefined },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
}
