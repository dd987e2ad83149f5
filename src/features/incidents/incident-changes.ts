import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Tx } from "../../core/transaction.js";
import type { Incident } from "../../db/generated/client.js";
import type { IncidentChange } from "./incident-events.js";
import "./incident-events.js";

/** Records the change for the channels in the change's transaction; returns the incident as it now stands. */
export async function recordChange(tx: Tx, events: EventBus, which: number | { reference: string }, change: IncidentChange): Promise<Incident> {
  const incident = await tx.incident.findUniqueOrThrow({ where: typeof which === "number" ? { id: which } : which });
  await events.record(tx, "incident.changed", { incident, change }, incident.reference);
  return incident;
}

/** Delivers the incident changes recorded by a transaction that has committed (the summary is updated in place). */
export function deliverChanges(events: EventBus): void {
  void events.deliverPending();
}

/** Touches the incident only while it is not closed: the conditional update that guards timeline additions. */
export async function claimOpenIncident(tx: Tx, clock: Clock, incidentId: number): Promise<boolean> {
  const claimed = await tx.incident.updateMany({
    where: { id: incidentId, status: { not: "closed" } },
    data: { updatedAt: clock.now() },
  });
  return claimed.count > 0;
}
