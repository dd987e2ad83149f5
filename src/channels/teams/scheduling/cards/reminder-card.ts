import { settledReminderLine, type ReminderSettlement } from "../../../../features/reminders/reminder-events.js";
import type { DueItemJson, ReminderPayload } from "../../../../features/reminders/reminder-payload.js";
import { SNOOZE_LABELS, SNOOZE_PERIODS, type SnoozePeriod } from "../../../../features/reminders/snooze.js";
import { REASSESSMENT_SOURCE } from "../../../../features/assessments/reassessment-source.js";
import { ASSESSMENT_VERBS } from "../../assessments/assessment-verbs.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../../cards/adaptive-card.js";
import { formatDate, personLabel, truncate } from "../../cards/text.js";
import { SCHEDULING_INPUTS as INPUTS, SCHEDULING_VERBS as VERBS } from "../scheduling-verbs.js";

/** Teams' people picker: an Input.ChoiceSet searching the organisation's directory; its value is an AAD object id. */
export const PEOPLE_PICKER_DATASET = "graph.microsoft.com/users";
const MAX_NOTE_LENGTH = 2000;


/** What chat previews and notifications show for the card. */
export function reminderSummary(payload: ReminderPayload, headline: string): string {
  return truncate(`${headline}: ${payload.item.itemId} ${payload.item.title}`, 300);
}

function itemDetails(item: DueItemJson, showOwner: boolean): CardElement[] {
  const facts = [
    { title: "Reference", value: item.itemId },
    { title: "Due", value: formatDate(new Date(item.dueAt)) },
    ...(showOwner ? [{ title: "Owner", value: personLabel(item.owner) }] : []),
    ...(item.controls.length > 0 ? [{ title: "ISO/IEC 42001", value: item.controls.join(", ") }] : []),
  ];
  const details: CardElement[] = [textBlock(`**${truncate(item.title, 200)}**`), { type: "FactSet", facts }];
  if (item.link) details.push(textBlock(`[Open ${item.itemId}](${item.link})`));
  return details;
}

function showCard(title: string, body: CardElement[], submit: CardElement): CardElement {
  return { type: "Action.ShowCard", title, card: { type: "AdaptiveCard", body, actions: [submit] } };
}

const textInput = (id: string, label: string, extra: Record<string, unknown> = {}): CardElement => ({ type: "Input.Text", id, label, ...extra });

function markDoneAction(key: string): CardElement {
  return showCard(
    "Mark done",
    [
      textBlock("Add a note or a link (or both) as evidence of what was done.", { subtle: true }),
      textInput(INPUTS.note, "Note", { isMultiline: true, maxLength: MAX_NOTE_LENGTH }),
      textInput(INPUTS.link, "Link to the evidence", { style: "Url", placeholder: "https://" }),
    ],
    executeAction("Mark done", VERBS.markDone, { key }, "positive"),
  );
}

/** A re-assessment is done by signing off a new assessment, so its reminder starts one instead of marking it done. */
function completeAction(item: DueItemJson, key: string): CardElement {
  return item.source === REASSESSMENT_SOURCE
    ? executeAction("Start re-assessment", ASSESSMENT_VERBS.startReassessment, { reference: item.itemId }, "positive")
    : markDoneAction(key);
}

/** Teams' people picker (web and desktop clients); without id and label, which the form that uses it adds. */
export function peoplePicker(): CardElement {
  return { type: "Input.ChoiceSet", choices: [], "choices.data": { type: "Data.Query", dataset: PEOPLE_PICKER_DATASET } };
}

function reassignAction(key: string): CardElement {
  const picker = { ...peoplePicker(), id: INPUTS.owner, label: "New owner", isRequired: true, errorMessage: "Choose the new owner" };
  return showCard("Reassign", [picker], executeAction("Reassign", VERBS.reassign, { key }));
}

const snoozeAction = (key: string, period: SnoozePeriod, title: string) => executeAction(title, VERBS.snooze, { key, period });

function checkInAction(key: string): CardElement {
  const progress = {
    type: "Input.ChoiceSet",
    id: INPUTS.progress,
    label: "How is it going?",
    style: "expanded",
    isRequired: true,
    errorMessage: "Choose on track, at risk or off track",
    choices: [
      { title: "On track", value: "on_track" },
      { title: "At risk", value: "at_risk" },
      { title: "Off track", value: "off_track" },
    ],
  };
  const value = { type: "Input.Number", id: INPUTS.value, label: "Progress towards the target (a number)", isRequired: true, errorMessage: "Enter a number" };
  return showCard(
    "Record progress",
    [progress, value, textInput(INPUTS.note, "Note", { isMultiline: true, maxLength: MAX_NOTE_LENGTH })],
    executeAction("Record", VERBS.checkIn, { key }, "positive"),
  );
}

/** The headline (or, once settled, the outcome) and the item; an escalation names the owner. */
function reminderBody(payload: ReminderPayload, headline: string): CardElement[] {
  return [textBlock(truncate(headline, 200), { size: "medium", weight: "bolder" }), ...itemDetails(payload.item, payload.type === "escalation")];
}

/**
 * The card a reminder, an escalation or a check-in prompt arrives as in the owner's personal chat: the item, and
 * what the reader can do about it (mark done with evidence or start the re-assessment, snooze, reassign; or record
 * progress).
 */
export function reminderCard(payload: ReminderPayload, headline: string): AdaptiveCard {
  const key = payload.occurrenceKey;
  const body = reminderBody(payload, headline);
  if (payload.item.kind === "check_in") return adaptiveCard(body, [checkInAction(key)]);
  const snoozes = payload.type === "reminder" ? SNOOZE_PERIODS.map((period) => snoozeAction(key, period, SNOOZE_LABELS[period])) : [];
  return adaptiveCard(body, [completeAction(payload.item, key), ...snoozes, reassignAction(key)]);
}

/** What replaces the reminder card once it has been dealt with: the outcome, without buttons. */
export function outcomeCard(item: { itemId: string; title: string }, outcome: string): AdaptiveCard {
  return adaptiveCard([textBlock(`**${item.itemId}** ${truncate(item.title, 200)}`), textBlock(outcome)]);
}

/** A reminder or an escalation card once its occurrence is settled: the item and what happened, without buttons. */
export function settledReminderCard(payload: ReminderPayload, settlement: ReminderSettlement): { card: AdaptiveCard; summary: string } {
  const outcome = settledReminderLine(settlement, { person: personLabel, date: formatDate });
  return { card: adaptiveCard(reminderBody(payload, outcome)), summary: reminderSummary(payload, outcome) };
}
