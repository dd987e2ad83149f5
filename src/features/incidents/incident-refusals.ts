import type { Actor } from "../../core/actor.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Incident } from "../../db/generated/client.js";
import type { IncidentServiceDeps } from "./incident-deps.js";
import { findIncident } from "./incident-queries.js";

/** An expected reason an incident change did not happen, with a message for the person who asked. */
export type IncidentRefusal = { kind: "not_found" | "forbidden" | "refused"; message: string };

export const notFound = (reference: string): IncidentRefusal => ({ kind: "not_found", message: `There is no incident ${reference}.` });

export const closedRefusal = (reference: string): IncidentRefusal => ({
  kind: "refused",
  message: `${reference} is closed, so its record is final.`,
});

/** Why this person may not change this incident, or null if they may. Checked again on every change. */
export async function changeRefusal(roles: Roles, actor: Pick<Actor, "channel" | "id">, incident: Incident, tx?: Tx): Promise<string | null> {
  if (await roles.samePerson(actor, { channel: incident.reporterChannel, id: incident.reporterId }, tx)) return null;
  const held = await roles.rolesOf(actor, tx);
  if (held.has("owner") || held.has("incident_responder")) return null;
  return `Only the person who reported ${incident.reference}, the AIMS owners and the incident responders can change it.`;
}

/** The incident `reference` names, if it exists and this person may change it; otherwise the refusal. */
export async function incidentToChange(
  { prisma, roles }: IncidentServiceDeps,
  actor: Pick<Actor, "channel" | "id">,
  reference: string,
): Promise<{ incident: Incident } | IncidentRefusal> {
  const incident = await findIncident(prisma, reference);
  if (!incident) return notFound(reference);
  const forbidden = await changeRefusal(roles, actor, incident);
  return forbidden ? { kind: "forbidden", message: forbidden } : { incident };
}
