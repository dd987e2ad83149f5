import { fields, moment, person, section, truncate, type Button, type Message } from "../../../conversation/message.js";
import { REASSESSMENT_SOURCE } from "../../assessments/reassessment-source.js";
import { settledReminderLine, type ReminderSettlement } from "../../reminders/reminder-events.js";
import type { DueItemJson, ReminderPayload } from "../../reminders/reminder-payload.js";
import { checkInForm, markDoneForm, reassignForm } from "./due-item-forms.js";
import { SCHEDULING_IDS as IDS, START_REASSESSMENT } from "./scheduling-ids.js";
import { SCHEDULING_WORDING as W } from "./scheduling-wording.js";

const summaryOf = (item: { itemId: string; title: string }, headline: string) => truncate(`${headline}: ${item.itemId} ${item.title}`, 300);

/** The headline (or, once settled, the outcome) and the item; an escalation names the owner. */
function reminderBlocks(payload: ReminderPayload, headline: string) {
  const { item } = payload;
  return [
    section([`**${truncate(headline, 200)}**`]),
    section([`**${truncate(item.title, 200)}**`, ...(item.nobodyCanAct ? [item.nobodyCanAct] : []), ...(item.link ? [W.open(item.itemId, item.link)] : [])], { id: `due:${item.itemId}` }),
    fields([
      { label: W.reference, value: item.itemId },
      { label: W.due, value: moment(new Date(item.dueAt)) },
      ...(payload.type === "escalation" && !item.nobodyCanAct ? [{ label: W.owner, value: person(item.owner) }] : []),
      ...(item.controls.length > 0 ? [{ label: W.controls, value: item.controls.join(", ") }] : []),
    ]),
  ];
}

/** A re-assessment is done by signing off a new assessment, so its reminder starts one instead of marking it done. */
function completeButton(item: DueItemJson, key: string): Button {
  return item.source === REASSESSMENT_SOURCE
    ? { label: W.startReassessment, action: START_REASSESSMENT, value: { reference: item.itemId }, style: "primary" }
    : { label: W.markDone, opens: markDoneForm(key), style: "primary" };
}

function reminderButtons(payload: ReminderPayload): Button[] {
  const key = payload.occurrenceKey;
  if (payload.item.kind === "check_in") return [{ label: W.recordProgress, opens: checkInForm(key), style: "primary" }];
  const snoozes: Button[] =
    payload.type === "reminder"
      ? [
          { label: W.snoozeDay, action: IDS.snoozeDay, value: { key } },
          { label: W.snoozeWeek, action: IDS.snoozeWeek, value: { key } },
        ]
      : [];
  return [completeButton(payload.item, key), ...snoozes, { label: W.reassign, opens: reassignForm(key) }];
}

const titleOf = (payload: ReminderPayload) => W.reminderTitle[payload.type]!;

/**
 * What a reminder, an escalation or a check-in prompt arrives as in the owner's personal chat: the item, and what
 * the reader can do about it (mark done with evidence or start the re-assessment, snooze, reassign; or record progress).
 */
export function reminderMessage(payload: ReminderPayload, headline: string): Message {
  return { id: "reminder", title: titleOf(payload), summary: summaryOf(payload.item, headline), blocks: reminderBlocks(payload, headline), actions: reminderButtons(payload) };
}

/** A reminder or an escalation once its occurrence is settled: the item and what happened, without buttons. */
export function settledReminderMessage(payload: ReminderPayload, settlement: ReminderSettlement): Message {
  const outcome = settledReminderLine(settlement, { person, date: moment });
  return { id: "reminder", title: titleOf(payload), summary: summaryOf(payload.item, outcome), blocks: reminderBlocks(payload, outcome) };
}

/** What the reminder becomes once the person dealt with it: the item and the outcome, without buttons. */
export function outcomeMessage(item: { itemId: string; title: string }, outcome: string): Message {
  return { id: "reminder.outcome", title: item.itemId, summary: summaryOf(item, outcome), blocks: [section([`**${item.itemId}** ${truncate(item.title, 200)}`, outcome])] };
}
