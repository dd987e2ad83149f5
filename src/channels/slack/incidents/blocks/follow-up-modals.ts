import type { KnownBlock, ModalView } from "@slack/types";
import type { Incident } from "../../../../db/generated/client.js";
import { CLOSING_LIMITS, NO_ACTION_NEEDED } from "../../../../features/incidents/closing-form.js";
import { CORRECTIVE_ACTION_LIMITS } from "../../../../features/incidents/corrective-action-form.js";
import { EXTERNAL_OUTCOMES, EXTERNAL_RECIPIENTS } from "../../../../features/incidents/external-report-form.js";
import { NOTE_MAX_LENGTH } from "../../../../features/incidents/incident-service.js";
import { escapeMrkdwn, truncate } from "../../blocks/text.js";
import { SLACK_IDS } from "../../ids.js";
import { checkboxes, input, plain, radios, section, textInput } from "./modal-parts.js";

const ids = SLACK_IDS.incidents.views;

function modal(callbackId: string, reference: string, title: string, submit: string, blocks: KnownBlock[]): ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: reference,
    title: plain(title),
    submit: plain(submit),
    close: plain("Cancel"),
    blocks,
  };
}

const heading = (incident: Incident) => section(`*${incident.reference}*: ${escapeMrkdwn(truncate(incident.title, 200))}`);

/** The corrective action questions; block ids are the core's field names, which differ in the closing form. */
function actionFields(blockIds: { description: string; owner: string; dueDate: string }, optional: boolean): KnownBlock[] {
  return [
    input(blockIds.description, "Corrective action", textInput(CORRECTIVE_ACTION_LIMITS.description, { multiline: true }), {
      optional,
      hint: "What will be changed so this does not happen again.",
    }),
    input(blockIds.owner, "Owner", { type: "users_select", placeholder: plain("Who will do it") }, { optional }),
    input(blockIds.dueDate, "Due date", { type: "datepicker" }, { optional }),
  ];
}

/** Closing (ISO 42001 10.2): root cause, plus a corrective action or the reason none is needed. */
export function closingModal(incident: Incident, existingActions: number): ModalView {
  const already = existingActions > 0
    ? `It already has ${existingActions} corrective action(s); you may add another here.`
    : "Closing needs at least one corrective action, or a reason why none is needed.";
  return modal(ids.close, incident.reference, "Close incident", "Close", [
    heading(incident),
    section(already),
    input("rootCause", "Root cause", textInput(CLOSING_LIMITS.rootCause, { multiline: true }), {
      hint: "In a few sentences: why it happened.",
    }),
    ...actionFields({ description: "actionDescription", owner: "actionOwnerId", dueDate: "actionDueDate" }, true),
    input("noActionNeeded", "Or", checkboxes([{ value: NO_ACTION_NEEDED, label: "No corrective action is needed" }]), { optional: true }),
    input("noActionReason", "Why no corrective action is needed", textInput(CLOSING_LIMITS.noActionReason, { multiline: true }), {
      optional: true,
    }),
  ]);
}

export function correctiveActionModal(incident: Incident): ModalView {
  return modal(ids.correctiveAction, incident.reference, "Corrective action", "Add", [heading(incident), ...actionFields({ description: "description", owner: "ownerId", dueDate: "dueDate" }, false)]);
}

/** A decision about reporting outside the organisation (ISO 42001 A.8.3). */
export function externalReportModal(incident: Incident): ModalView {
  return modal(ids.externalReport, incident.reference, "External reporting", "Record", [
    heading(incident),
    input("recipient", "Reporting to whom?", radios(EXTERNAL_RECIPIENTS)),
    input("recipientDetail", "Who exactly", textInput(200, { placeholder: "e.g. the data protection authority" }), { optional: true }),
    input("outcome", "Decision", radios(EXTERNAL_OUTCOMES)),
    input("reason", "Reason", textInput(1000, { multiline: true })),
  ]);
}

export interface TimelineNoteMetadata {
  /** Where the quoted message lives, e.g. "slack:C123/1700000000.000100". */
  source: string;
}

/** "Add to incident timeline": which incident, and the note (the message's text, editable). */
export function timelineNoteModal(options: {
  incidents: readonly Incident[];
  selected?: Incident;
  note: string;
  metadata: TimelineNoteMetadata;
}): ModalView {
  const toOption = (incident: Incident) => ({ text: plain(truncate(`${incident.reference}: ${incident.title}`, 75)), value: incident.reference });
  return {
    type: "modal",
    callback_id: ids.timelineNote,
    private_metadata: JSON.stringify(options.metadata),
    title: plain("Add to timeline"),
    submit: plain("Add"),
    close: plain("Cancel"),
    blocks: [
      input("incident", "Incident", {
        type: "static_select",
        placeholder: plain("Which incident"),
        options: options.incidents.map(toOption),
        ...(options.selected ? { initial_option: toOption(options.selected) } : {}),
      }),
      input("note", "Note", textInput(NOTE_MAX_LENGTH, { multiline: true, initial: options.note })),
    ],
  };
}
