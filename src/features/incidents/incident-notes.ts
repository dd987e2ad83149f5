import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Incident, IncidentTimelineEntry } from "../../db/generated/client.js";
import { TIMELINE_CONTROLS } from "./controls.js";
import { claimOpenIncident, deliverChanges, recordChange } from "./incident-changes.js";
import type { IncidentServiceDeps } from "./incident-deps.js";
import { findIncident } from "./incident-queries.js";
import { addTimelineEntry } from "./incident-records.js";
import { closedRefusal, notFound, type IncidentRefusal } from "./incident-refusals.js";

export const NOTE_MAX_LENGTH = 3000;

export type NoteResult = { kind: "added"; incident: Incident; entry: IncidentTimelineEntry } | IncidentRefusal;

/** Adds a note to the timeline of an incident that is not closed. `source` says where it was taken from. */
export async function addNote(deps: IncidentServiceDeps, actor: Actor, reference: string, text: string, source?: string): Promise<NoteResult> {
  const { prisma, clock, events } = deps;
  const note = text.trim();
  if (!note) return { kind: "refused", message: "The note is empty: write what happened after the command." };
  if (note.length > NOTE_MAX_LENGTH) {
    return { kind: "refused", message: `A note can be at most ${NOTE_MAX_LENGTH} characters; split it in two.` };
  }
  const incident = await findIncident(prisma, reference);
  if (!incident) return notFound(reference);

  const result = await prisma.$transaction(async (tx) => {
    if (!(await claimOpenIncident(tx, clock, incident.id))) return null;
    const entry = await addTimelineEntry(tx, clock, { incidentId: incident.id, kind: "note", text: note, author: actor, source });
    await recordAudit(tx, clock, {
      actor,
      action: "incident.note_added",
      entityType: "incident",
      entityId: reference,
      after: entry,
      controls: TIMELINE_CONTROLS,
    });
    return { entry, incident: await recordChange(tx, events, incident.id, { kind: "note", entry }) };
  });
  if (!result) return closedRefusal(reference);
  deliverChanges(events);
  return { kind: "added", ...result };
}
