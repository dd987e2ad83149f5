import type { Actor } from "../../core/actor.js";
import type { Tx } from "../../core/transaction.js";
import type { AiSystem, CorrectiveAction, Incident } from "../../db/generated/client.js";
import type { ChatChannel, CorrectiveActionStatus } from "../../db/generated/enums.js";
import { PeopleNames } from "../people/people-names.js";
import type { RawClosingForm } from "./closing-form.js";
import type { RawCorrectiveActionForm } from "./corrective-action-form.js";
import type { RawExternalReportForm } from "./external-report-form.js";
import { deliverChanges } from "./incident-changes.js";
import {
  addCorrectiveAction,
  reassignCorrectiveActionIn,
  setCorrectiveActionStatusIn,
  type CorrectiveActionReassignResult,
  type CorrectiveActionResult,
  type CorrectiveActionStatusResult,
} from "./incident-corrective-actions.js";
import type { IncidentServiceDeps } from "./incident-deps.js";
import { recordExternalReportDecision, type ExternalReportResult } from "./incident-external-reports.js";
import type { RawIncidentForm } from "./incident-form.js";
import { changeIncidentStatus, closeIncident, reportIncident, type CloseResult, type ReportResult, type StatusResult } from "./incident-lifecycle.js";
import { addNote, type NoteResult } from "./incident-notes.js";
import { activeIncidents, affectableSystems, correctiveActions, findIncident, incidentDetails, type IncidentDetails } from "./incident-queries.js";
import { changeRefusal } from "./incident-refusals.js";
import { findIncidentByRoom, recordRoom, recordRoomFailure, type IncidentRoom } from "./incident-rooms.js";
import type { IncidentStatus } from "./incident-status.js";

export type { IncidentServiceDeps } from "./incident-deps.js";
export type { IncidentRefusal } from "./incident-refusals.js";
export type { IncidentDetails } from "./incident-queries.js";
export type { CloseResult, ReportResult, StatusResult } from "./incident-lifecycle.js";
export { NOTE_MAX_LENGTH, type NoteResult } from "./incident-notes.js";
export type { CorrectiveActionReassignResult, CorrectiveActionResult, CorrectiveActionStatusResult } from "./incident-corrective-actions.js";
export type { ExternalReportResult } from "./incident-external-reports.js";

/**
 * AI incidents (ISO 42001 A.8.4, A.8.3, A.6.2.6, 10.2), channel-neutral. Anyone may report an incident and add
 * timeline notes (information should flow in freely; every note is attributed and audited). Changing status,
 * closing, corrective actions and external reporting decisions are for the reporter, the AIMS owners and the
 * incident responders, checked on every change. Every transition is guarded in the database by a
 * conditional update, so concurrent clicks and replicas cannot skip or repeat a step. Each concern has its own
 * file (incident-lifecycle, -notes, -corrective-actions, -external-reports, -rooms); this class is their one door,
 * and their functions document each step.
 */
export class IncidentService {
  private readonly people: PeopleNames;

  constructor(private readonly deps: IncidentServiceDeps) {
    this.people = deps.people ?? new PeopleNames(deps.prisma);
  }

  report(actor: Actor, form: RawIncidentForm, submissionKey: string): Promise<ReportResult> {
    return reportIncident(this.deps, actor, form, submissionKey);
  }

  changeStatus(actor: Actor, reference: string, to: IncidentStatus): Promise<StatusResult> {
    return changeIncidentStatus(this.deps, actor, reference, to);
  }

  close(actor: Actor, reference: string, form: RawClosingForm): Promise<CloseResult> {
    return closeIncident(this.deps, actor, reference, form);
  }

  addNote(actor: Actor, reference: string, text: string, source?: string): Promise<NoteResult> {
    return addNote(this.deps, actor, reference, text, source);
  }

  addCorrectiveAction(actor: Actor, reference: string, form: RawCorrectiveActionForm): Promise<CorrectiveActionResult> {
    return addCorrectiveAction(this.deps, actor, reference, form);
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

  /** `setCorrectiveActionStatus` inside the caller's transaction (a reminder's Mark done). Call `deliverChanges` once it has committed. */
  setCorrectiveActionStatusIn(
    tx: Tx,
    actor: Actor,
    actionId: number,
    status: Exclude<CorrectiveActionStatus, "open">,
  ): Promise<CorrectiveActionStatusResult> {
    return setCorrectiveActionStatusIn(this.deps, tx, actor, actionId, status);
  }

  /** Gives an open corrective action to another owner: its owner, or anyone who may change the incident. */
  async reassignCorrectiveAction(actor: Actor, actionId: number, owner: Actor): Promise<CorrectiveActionReassignResult> {
    const result = await this.deps.prisma.$transaction((tx) => this.reassignCorrectiveActionIn(tx, actor, actionId, owner));
    if (result.kind === "reassigned") this.deliverChanges();
    return result;
  }

  /** `reassignCorrectiveAction` inside the caller's transaction (a reminder's Reassign). Call `deliverChanges` once it has committed. */
  reassignCorrectiveActionIn(
    tx: Tx,
    actor: Actor,
    actionId: number,
    owner: Actor,
    from?: Pick<Actor, "channel" | "id">,
  ): Promise<CorrectiveActionReassignResult> {
    return reassignCorrectiveActionIn(this.deps, tx, actor, actionId, owner, from);
  }

  deliverChanges(): void {
    deliverChanges(this.deps.events);
  }

  recordExternalReportDecision(actor: Actor, reference: string, form: RawExternalReportForm): Promise<ExternalReportResult> {
    return recordExternalReportDecision(this.deps, actor, reference, form);
  }

  recordRoom(reference: string, room: IncidentRoom): Promise<Incident | null> {
    return recordRoom(this.deps, reference, room);
  }

  recordRoomFailure(reference: string, reason: string): Promise<Incident | null> {
    return recordRoomFailure(this.deps, reference, reason);
  }

  changeRefusal(actor: Pick<Actor, "channel" | "id">, incident: Incident): Promise<string | null> {
    return changeRefusal(this.deps.roles, actor, incident);
  }

  find(reference: string): Promise<Incident | null> {
    return findIncident(this.deps.prisma, reference);
  }

  findByRoom(channel: ChatChannel, roomId: string): Promise<Incident | null> {
    return findIncidentByRoom(this.deps.prisma, channel, roomId);
  }

  details(reference: string): Promise<IncidentDetails | null> {
    return incidentDetails(this.deps.prisma, this.people, reference);
  }

  affectableSystems(limit = 100): Promise<AiSystem[]> {
    return affectableSystems(this.deps.prisma, limit);
  }

  listActive(limit = 100): Promise<Incident[]> {
    return activeIncidents(this.deps.prisma, limit);
  }

  listCorrectiveActions(filter: { status?: CorrectiveActionStatus; dueBefore?: Date } = {}): Promise<CorrectiveAction[]> {
    return correctiveActions(this.deps.prisma, filter);
  }
}
