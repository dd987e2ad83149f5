import type { KnownBlock } from "../../blocks/types.js";
import { SNOOZE_LABELS } from "../../../../features/reminders/snooze.js";
import { escapeMrkdwn, slackDate, truncate } from "../../blocks/text.js";
import { mention } from "../../slack-actor.js";
import { settledReminderLine, type ReminderSettlement } from "../../../../features/reminders/reminder-events.js";
import type { DueItemJson, ReminderPayload } from "../../../../features/reminders/reminder-payload.js";
import { REASSESSMENT_SOURCE } from "../../../../features/assessments/reassessment-source.js";
import { ASSESSMENT_IDS } from "../../assessments/ids.js";
import { SCHEDULING_IDS } from "../scheduling-ids.js";

const ids = SCHEDULING_IDS.actions;

export function reminderText(payload: ReminderPayload, headline: string): string {
  return truncate(`${headline}: ${payload.item.itemId} ${payload.item.title}`, 300);
}

function itemDetails(item: DueItemJson, showOwner: boolean): string {
  const lines = [`*${escapeMrkdwn(truncate(item.title, 200))}*`, `Due ${slackDate(new Date(item.dueAt))}`];
  if (showOwner) lines.push(`Owner: ${mention(item.owner)}`);
  if (item.link) lines.push(`<${item.link}|Open ${escapeMrkdwn(item.itemId)}>`);
  if (item.controls.length > 0) lines.push(`_ISO/IEC 42001: ${escapeMrkdwn(item.controls.join(", "))}_`);
  return lines.join("\n");
}

function button(text: string, actionId: string, value: string, style?: "primary") {
  return { type: "button" as const, text: { type: "plain_text" as const, text }, action_id: actionId, value, ...(style ? { style } : {}) };
}

/** A re-assessment is done by signing off a new assessment, so its reminder starts one instead of marking it done. */
function completeButton(item: DueItemJson, key: string) {
  return item.source === REASSESSMENT_SOURCE
    ? button("Start re-assessment", ASSESSMENT_IDS.actions.startReassessment, item.itemId, "primary")
    : button("Mark done", ids.markDone, key, "primary");
}

/** The headline (or, once settled, the outcome) and the item; an escalation names the owner. */
function reminderSections(payload: ReminderPayload, headlineText: string): KnownBlock[] {
  return [
    { type: "section", text: { type: "mrkdwn", text: `*${truncate(headlineText, 200)}*` } },
    { type: "section", text: { type: "mrkdwn", text: itemDetails(payload.item, payload.type === "escalation") } },
  ];
}

/** The DM a reminder or an escalation arrives as, with what the reader can do about it. */
export function reminderBlocks(payload: ReminderPayload, headlineText: string): KnownBlock[] {
  const key = payload.occurrenceKey;
  const elements =
    payload.item.kind === "check_in"
      ? [button("Record progress", ids.checkIn, key, "primary")]
      : [
          completeButton(payload.item, key),
          ...(payload.type === "reminder" ? [button(SNOOZE_LABELS.day, ids.snoozeDay, key), button(SNOOZE_LABELS.week, ids.snoozeWeek, key)] : []),
          button("Reassign", ids.reassign, key),
        ];
  return [...reminderSections(payload, headlineText), { type: "actions", block_id: `due:${payload.item.itemId}`, elements }];
}

/** A reminder or an escalation once its occurrence is settled: what happened, where the buttons were. */
export function settledReminderMessage(payload: ReminderPayload, settlement: ReminderSettlement): { text: string; blocks: KnownBlock[] } {
  const outcome = settledReminderLine(settlement, { person: mention, date: slackDate });
  return {
    text: reminderText(payload, outcome),
    blocks: reminderSections(payload, outcome),
  };
}
