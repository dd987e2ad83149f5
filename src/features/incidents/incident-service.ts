import type {
  AiSystem,
  CorrectiveAction,
  ExternalReportDecision,
  Incident,
  IncidentTimelineEntry,
} from "../../db/generated/client.js";
import type { ChatChannel, CorrectiveActionStatus } from "../../db/generated/enums.js";
import type { Prisma } from "../../db/database.js";
import { sameActor, type Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { withNewReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import { parseClosingForm, type ClosingFieldErrors, type RawClosingForm } from "./closing-form.js";
import { CORRECTIVE_ACTION_CONTROLS, EXTERNAL_REPORT_CONTROLS, INCIDENT_CONTROLS, TIMELINE_CONTROLS } from "./controls.js";
import {
  parseCorrectiveActionForm,
  type CorrectiveActionFieldErrors,
  type RawCorrectiveActionForm,
} from "./corrective-action-form.js";
import {
  parseExternalReportForm,
  type ExternalReportFieldErrors,
  type RawExternalReportForm,
} from "./external-report-form.js";
import type { IncidentChange } from "./incident-events.js";
import {
  needsDedicatedRoom,
  parseIncidentForm,
  type IncidentFieldErrors,
  type RawIncidentForm,
} from "./incident-form.js";
import { addTimelineEntry, createCorrectiveAction } from "./incident-records.js";
import { STATUS_LABELS, transitionRefusal, type IncidentStatus } from "./incident-status.js";
import "./incident-events.js";
import { correctiveActionItem } from "../reminders/sources/corrective-action-source.js";
import { cancelReminders, settleOccurrence } from "../reminders/settle.js";
import { PeopleNames } from "../people/people-names.js";

export interface IncidentServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  people?: PeopleNames;
}

export type IncidentDetails = Incident & {
  aiSystem: AiSystem | null;
  timeline: IncidentTimelineEntry[];
  correctiveActions: CorrectiveAction[];
  externalReportDecisions: ExternalReportDecision[];
};

/** An expected reason an incident change did not happen, with a message for the person who asked. */
export type IncidentRefusal = { kind: "not_found" | "forbidden" | "refused"; message: string };

export type ReportResult = { ok: true; incident: Incident } | { ok: false; errors: IncidentFieldErrors };
export type StatusResult =
  | { kind: "changed"; incident: Incident }
  | { kind: "closing_needs_form"; incident: Incident }
  | IncidentRefusal;
export type CloseResult = { kind: "closed"; incident: Incident } | { kind: "invalid"; errors: ClosingFieldErrors } | IncidentRefusal;
export type NoteResult = { kind: "added"; incident: Incident; entry: IncidentTimelineEntry } | IncidentRefusal;
export type CorrectiveActionResult =
  | { kind: "added"; incident: Incident; action: CorrectiveAction }
  | { kind: "invalid"; errors: CorrectiveActionFieldErrors }
  | IncidentRefusal;
export type CorrectiveActionStatusResult = { kind: "updated"; action: CorrectiveAction } | IncidentRefusal;
export type CorrectiveActionReassignResult =
  | { kind: "reassigned"; action: CorrectiveAction }
  | { kind: "invalid"; message: string }
  | IncidentRefusal;
export type ExternalReportResult =
  | { kind: "recorded"; incident: Incident; decision: ExternalReportDecision }
  | { kind: "invalid"; errors: ExternalReportFieldErrors }
  | IncidentRefusal;

export const NOTE_MAX_LENGTH = 3000;

const notFound = (reference: string): IncidentRefusal => ({ kind: "not_found", message: `There is no incident ${reference}.` });
const closedRefusal = (reference: string): IncidentRefusal => ({
  kind: "refused",
  message: `${reference} is closed, so its record is final.`,
});

/**
 * AI incidents (ISO 42001 A.8.4, A.8.3, A.6.2.6, 10.2), channel-neutral. Anyone may report an incident and add
 * timeline notes (information should flow in freely; every note is attributed and audited). Changing status,
 * closing, corrective actions and external reporting decisions are for the reporter, the AIMS owners and the
 * incident responders, checked here on every change. Every transition is guarded in the database by a
 * conditional update, so concurrent clicks and replicas cannot skip or repeat a step.
 */
export class IncidentService {
  private readonly people: PeopleNames;

  constructor(private readonly deps: IncidentServiceDeps) {
    this.people = deps.people ?? new PeopleNames(deps.prisma);
  }

  async report(actor: Actor, form: RawIncidentForm, submissionKey: string): Promise<ReportResult> {
    const { prisma, clock, events } = this.deps;
    const parsed = parseIncidentForm(form, clock.now());
    if (!parsed.ok) return parsed;
    const input = parsed.input;

    const existing = await prisma.incident.findUnique({ where: { submissionKey } });
    if (existing) return { ok: true, incident: existing };
    const aiSystem = input.aiSystem ? await prisma.aiSystem.findUnique({ where: { reference: input.aiSystem } }) : null;
    if (input.aiSystem && !aiSystem) return { ok: false, errors: { aiSystem: "That AI system is no longer in the register" } };

    const incident = await withNewReference(this.deps, "INC", (reference) =>
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
    void events.deliverPending();
    return { ok: true, incident };
  }

  /** Moves an incident along its lifecycle. Closing has requirements of its own: see `close`. */
  async changeStatus(actor: Actor, reference: string, to: IncidentStatus): Promise<StatusResult> {
    const incident = await this.find(reference);
    if (!incident) return notFound(reference);
    const forbidden = this.changeRefusal(actor, incident);
    if (forbidden) return { kind: "forbidden", message: forbidden };
    const refusal = transitionRefusal(reference, incident.status, to);
    if (refusal) return { kind: "refused", message: refusal };
    if (to === "closed") return { kind: "closing_needs_form", incident };

    const updated = await this.deps.prisma.$transaction(async (tx) => {
      const claimed = await tx.incident.updateMany({ where: { id: incident.id, status: incident.status }, data: { status: to } });
      if (claimed.count === 0) return null;
      await this.recordStatusChange(tx, actor, incident, to);
      return this.recordChange(tx, incident.id, { kind: "status", from: incident.status, to });
    });
    if (!updated) return this.changedMeanwhile(reference, to);
    this.deliverChanges();
    return { kind: "changed", incident: updated };
  }

  /** Closes a resolved incident with its root cause and corrective actions (or the reason none is needed). */
  async close(actor: Actor, reference: string, form: RawClosingForm): Promise<CloseResult> {
    const { prisma, clock } = this.deps;
    const incident = await this.find(reference);
    if (!incident) return notFound(reference);
    const forbidden = this.changeRefusal(actor, incident);
    if (forbidden) return { kind: "forbidden", message: forbidden };
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
      await this.recordStatusChange(tx, actor, incident, "closed", { rootCause, noCorrectiveActionReason: noActionReason ?? null });
      return this.recordChange(tx, incident.id, { kind: "status", from: incident.status, to: "closed" });
    });
    if (!updated) return this.changedMeanwhile(reference, "closed");
    this.deliverChanges();
    return { kind: "closed", incident: updated };
  }

  /** Adds a note to the timeline of an incident that is not closed. `source` says where it was taken from. */
  async addNote(actor: Actor, reference: string, text: string, source?: string): Promise<NoteResult> {
    const { prisma, clock } = this.deps;
    const note = text.trim();
    if (!note) return { kind: "refused", message: "The note is empty: write what happened after the command." };
    if (note.length > NOTE_MAX_LENGTH) {
      return { kind: "refused", message: `A note can be at most ${NOTE_MAX_LENGTH} characters; split it in two.` };
    }
    const incident = await this.find(reference);
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
      return { entry, incident: await this.recordChange(tx, incident.id, { kind: "note", entry }) };
    });
    if (!result) return closedRefusal(reference);
    this.deliverChanges();
    return { kind: "added", ...result };
  }

  async addCorrectiveAction(actor: Actor, reference: string, form: RawCorrectiveActionForm): Promise<CorrectiveActionResult> {
    const { prisma, clock } = this.deps;
    const incident = await this.find(reference);
    if (!incident) return notFound(reference);
    const forbidden = this.changeRefusal(actor, incident);
    if (forbidden) return { kind: "forbidden", message: forbidden };
    const parsed = parseCorrectiveActionForm(form, clock.now());
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };

    const result = await prisma.$transaction(async (tx) => {
      if (!(await claimOpenIncident(tx, clock, incident.id))) return null;
      const action = await createCorrectiveAction(tx, clock, actor, incident, parsed.input);
      return { action, incident: await this.recordChange(tx, incident.id, { kind: "corrective_action", action }) };
    });
    if (!result) return closedRefusal(reference);
    this.deliverChanges();
    return { kind: "added", ...result };
  }

  /** Marks an open corrective action done or cancelled: its owner, or anyone who may change the incident. */
  async setCorrectiveActionStatus(
    actor: Actor,
    actionId: number,
    status: Exclude<CorrectiveActionStatus, "open">,
  ): Promise<CorrectiveActionStatusResult> {
    const result = await this.deps.prisma.$transaction((tx) => this.setCorrectiveActionStatusIn(tx, actor, actionId, status));
    if (result.kind === "updated") this.deliverChanges();
    return result;
  }

  /**
   * `setCorrectiveActionStatus` inside the caller's transaction (a reminder's Mark done): guarded and audited the
   * same way, and the action's reminders stop. Call `deliverChanges` once it has committed.
   */
  async setCorrectiveActionStatusIn(
    tx: Tx,
    actor: Actor,
    actionId: number,
    status: Exclude<CorrectiveActionStatus, "open">,
  ): Promise<CorrectiveActionStatusResult> {
    const { clock } = this.deps;
    const action = await tx.correctiveAction.findUnique({ where: { id: actionId }, include: { incident: true } });
    if (!action) return { kind: "not_found", message: "There is no such corrective action." };
    const forbidden = this.correctiveActionRefusal(actor, action);
    if (forbidden) return { kind: "forbidden", message: forbidden };
    const claimed = await tx.correctiveAction.updateMany({
      where: { id: actionId, status: "open" },
      data: { status, completedAt: status === "done" ? clock.now() : null },
    });
    const after = await tx.correctiveAction.findUniqueOrThrow({ where: { id: actionId } });
    if (claimed.count === 0) return { kind: "refused", message: `That corrective action is already ${after.status}.` };
    await recordAudit(tx, clock, {
      actor,
      action: `corrective_action.${status}`,
      entityType: "corrective_action",
      entityId: actionId,
      before: { status: "open" },
      after: { status, incident: action.incident.reference },
      controls: CORRECTIVE_ACTION_CONTROLS,
    });
    await settleOccurrence(tx, this.deps.events, correctiveActionItem(action), { actor, at: clock.now(), note: `Corrective action ${status}`, cancelled: status === "cancelled" });
    await this.recordChange(tx, action.incidentId, { kind: "corrective_action", action: after });
    return { kind: "updated", action: after };
  }

  /** Gives an open corrective action to another owner: its owner, or anyone who may change the incident. */
  async reassignCorrectiveAction(actor: Actor, actionId: number, owner: Actor): Promise<CorrectiveActionReassignResult> {
    const result = await this.deps.prisma.$transaction((tx) => this.reassignCorrectiveActionIn(tx, actor, actionId, owner));
    if (result.kind === "reassigned") this.deliverChanges();
    return result;
  }

  /**
   * `reassignCorrectiveAction` inside the caller's transaction (a reminder's Reassign), refused unless `from` (by
   * default whoever owns it now) still owns it. Call `deliverChanges` once it has committed.
   */
  async reassignCorrectiveActionIn(
    tx: Tx,
    actor: Actor,
    actionId: number,
    owner: Actor,
    from?: Pick<Actor, "channel" | "id">,
  ): Promise<CorrectiveActionReassignResult> {
    const { clock } = this.deps;
    const action = await tx.correctiveAction.findUnique({ where: { id: actionId }, include: { incident: true } });
    if (!action) return { kind: "not_found", message: "There is no such corrective action." };
    const forbidden = this.correctiveActionRefusal(actor, action);
    if (forbidden) return { kind: "forbidden", message: forbidden };
    if (sameActor(owner, { channel: action.ownerChannel, id: action.ownerId })) return { kind: "invalid", message: "That person already owns it." };
    const expected = from ?? { channel: action.ownerChannel, id: action.ownerId };
    const claimed = await tx.correctiveAction.updateMany({
      where: { id: actionId, status: "open", ownerChannel: expected.channel, ownerId: expected.id },
      data: { ownerChannel: owner.channel, ownerId: owner.id, ownerName: owner.name ?? null },
    });
    if (claimed.count === 0) return { kind: "refused", message: "That corrective action changed meanwhile (done, cancelled or reassigned)." };
    await recordAudit(tx, clock, {
      actor,
      action: "corrective_action.reassigned",
      entityType: "corrective_action",
      entityId: actionId,
      before: { owner: { channel: action.ownerChannel, id: action.ownerId } },
      after: { owner: { channel: owner.channel, id: owner.id }, incident: action.incident.reference },
      controls: CORRECTIVE_ACTION_CONTROLS,
    });
    await cancelReminders(tx, this.deps.events, correctiveActionItem(action), owner);
    const after = await tx.correctiveAction.findUniqueOrThrow({ where: { id: actionId } });
    await this.recordChange(tx, action.incidentId, { kind: "corrective_action", action: after });
    return { kind: "reassigned", action: after };
  }

  /** Delivers the incident changes recorded by a transaction that has committed (the summary is updated in place). */
  deliverChanges(): void {
    void this.deps.events.deliverPending();
  }

  /** Records who decided, when, about reporting to whom, what and why (ISO 42001 A.8.3). */
  async recordExternalReportDecision(actor: Actor, reference: string, form: RawExternalReportForm): Promise<ExternalReportResult> {
    const { prisma, clock } = this.deps;
    const incident = await this.find(reference);
    if (!incident) return notFound(reference);
    const forbidden = this.changeRefusal(actor, incident);
    if (forbidden) return { kind: "forbidden", message: forbidden };
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
      await this.recordChange(tx, incident.id, { kind: "external_report", decision: created });
      return created;
    });
    this.deliverChanges();
    return { kind: "recorded", incident, decision };
  }

  /** The dedicated conversation of a SEV1/SEV2 incident was created. */
  recordRoom(reference: string, room: { channel: ChatChannel; id: string; name: string }): Promise<Incident | null> {
    return this.settleRoom(reference, "incident.room_created", {
      roomStatus: "created",
      roomChannel: room.channel,
      roomId: room.id,
      roomName: room.name,
    });
  }

  /** The dedicated conversation could not be created; the incident stays recorded and says so. */
  recordRoomFailure(reference: string, reason: string): Promise<Incident | null> {
    return this.settleRoom(reference, "incident.room_failed", { roomStatus: "failed", roomError: reason.slice(0, 500) });
  }

  /** A corrective action's owner may close or hand over their own action; otherwise as for its incident. */
  private correctiveActionRefusal(actor: Pick<Actor, "channel" | "id">, action: CorrectiveAction & { incident: Incident }): string | null {
    return sameActor(actor, { channel: action.ownerChannel, id: action.ownerId }) ? null : this.changeRefusal(actor, action.incident);
  }

  /** Why this person may not change this incident, or null if they may. Checked again on every change. */
  changeRefusal(actor: Pick<Actor, "channel" | "id">, incident: Incident): string | null {
    const { roles } = this.deps;
    if (sameActor(actor, { channel: incident.reporterChannel, id: incident.reporterId })) return null;
    if (roles.has(actor, "owner") || roles.has(actor, "incident_responder")) return null;
    return `Only the person who reported ${incident.reference}, the AIMS owners and the incident responders can change it.`;
  }

  find(reference: string): Promise<Incident | null> {
    return this.deps.prisma.incident.findUnique({ where: { reference: reference.toUpperCase() } });
  }

  findByRoom(channel: ChatChannel, roomId: string): Promise<Incident | null> {
    return this.deps.prisma.incident.findUnique({ where: { roomChannel_roomId: { roomChannel: channel, roomId } } });
  }

  /** The incident with everything its summary shows; corrective action owners with the names the bot knows. */
  async details(reference: string): Promise<IncidentDetails | null> {
    const incident = await this.deps.prisma.incident.findUnique({
      where: { reference: reference.toUpperCase() },
      include: {
        aiSystem: true,
        timeline: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
        correctiveActions: { orderBy: { id: "asc" } },
        externalReportDecisions: { orderBy: { id: "asc" } },
      },
    });
    return incident && { ...incident, correctiveActions: await this.people.withOwnerNames(incident.correctiveActions) };
  }

  /** Register entries an incident can be reported against (not retired), by name. */
  affectableSystems(limit = 100): Promise<AiSystem[]> {
    return this.deps.prisma.aiSystem.findMany({ where: { status: { not: "retired" } }, orderBy: { name: "asc" }, take: limit });
  }

  /** Incidents not yet closed, newest first. */
  listActive(limit = 100): Promise<Incident[]> {
    return this.deps.prisma.incident.findMany({ where: { status: { not: "closed" } }, orderBy: { id: "desc" }, take: limit });
  }

  /** Corrective actions by status and due date, soonest due first: what reminders and reports need. */
  listCorrectiveActions(filter: { status?: CorrectiveActionStatus; dueBefore?: Date } = {}): Promise<CorrectiveAction[]> {
    return this.deps.prisma.correctiveAction.findMany({
      where: { status: filter.status, dueDate: filter.dueBefore ? { lt: filter.dueBefore } : undefined },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
  }

  private async recordStatusChange(
    tx: Tx,
    actor: Actor,
    incident: Incident,
    to: IncidentStatus,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const { clock } = this.deps;
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

  private async settleRoom(
    reference: string,
    action: string,
    data: Partial<Pick<Incident, "roomStatus" | "roomChannel" | "roomId" | "roomName" | "roomError">>,
  ): Promise<Incident | null> {
    const { prisma, clock } = this.deps;
    const updated = await prisma.$transaction(async (tx) => {
      const claimed = await tx.incident.updateMany({ where: { reference, roomStatus: "pending" }, data });
      if (claimed.count === 0) return null;
      await recordAudit(tx, clock, {
        actor: null,
        action,
        entityType: "incident",
        entityId: reference,
        before: { roomStatus: "pending" },
        after: data,
        controls: TIMELINE_CONTROLS,
      });
      return this.recordChange(tx, { reference }, { kind: "room" });
    });
    if (updated) this.deliverChanges();
    return updated;
  }

  private async changedMeanwhile(reference: string, to: IncidentStatus): Promise<IncidentRefusal> {
    const current = await this.find(reference);
    const message = current
      ? (transitionRefusal(reference, current.status, to) ?? `${reference} changed while you were deciding; please try again.`)
      : `There is no incident ${reference}.`;
    return { kind: "refused", message };
  }

  /** Records the change for the channels in the change's transaction; returns the incident as it now stands. */
  private async recordChange(tx: Tx, which: number | { reference: string }, change: IncidentChange): Promise<Incident> {
    const incident = await tx.incident.findUniqueOrThrow({ where: typeof which === "number" ? { id: which } : which });
    await this.deps.events.record(tx, "incident.changed", { incident, change }, incident.reference);
    return incident;
  }
}

/** Touches the incident only while it is not closed: the conditional update that guards timeline additions. */
async function claimOpenIncident(tx: Tx, clock: Clock, incidentId: number): Promise<boolean> {
  const claimed = await tx.incident.updateMany({
    where: { id: incidentId, status: { not: "closed" } },
    data: { updatedAt: clock.now() },
  });
  return claimed.count > 0;
}
