import type { KnownBlock } from "../../blocks/types.js";
import { escapeMrkdwn, slackDate, truncate } from "../../blocks/text.js";
import { mention } from "../../slack-actor.js";
import type { Objective, ReviewSchedule } from "../../../../db/generated/client.js";
import { dueStatusText } from "../../../../features/reminders/due-status.js";
import type { DueListing } from "../../../../features/reviews/review-service.js";
import { SCHEDULING_IDS } from "../scheduling-ids.js";

const ids = SCHEDULING_IDS.actions;
const MAX_LISTED = 40;
const PROGRESS: Record<string, string> = { on_track: "On track", at_risk: "At risk", off_track: "Off track" };

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } });
const addButton = (text: string, actionId: string): KnownBlock => ({
  type: "actions",
  elements: [{ type: "button", text: { type: "plain_text", text }, action_id: actionId, value: "new" }],
});

/** `/aims reviews`: what is due or overdue, then the recurring schedules (editable by AIMS owners). */
export function reviewsBlocks(due: DueListing[], schedules: ReviewSchedule[], canEdit: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [section(due.length === 0 ? "*Nothing is due in the next 30 days.*" : `*Due in the next 30 days (${due.length})*`)];
  for (const item of due.slice(0, MAX_LISTED)) {
    const status = item.status.kind === "overdue" ? `*${dueStatusText(item.status)}*` : dueStatusText(item.status);
    blocks.push(section(`*${escapeMrkdwn(item.itemId)}* ${escapeMrkdwn(truncate(item.title, 150))}\n${status} · ${slackDate(item.dueAt)} · ${mention(item.owner)}`));
  }
  blocks.push({ type: "divider" }, section(`*Review schedules (${schedules.length})*`));
  for (const schedule of schedules.slice(0, MAX_LISTED)) {
    const line = `*${schedule.reference}* ${escapeMrkdwn(schedule.title)} · every ${schedule.intervalMonths} month(s) · next ${slackDate(schedule.nextDueAt)} · ${mention({ channel: schedule.ownerChannel, id: schedule.ownerId, name: schedule.ownerName })}`;
    blocks.push(
      canEdit
        ? { type: "section", text: { type: "mrkdwn", text: truncate(line, 3000) }, accessory: { type: "button", text: { type: "plain_text", text: "Edit" }, action_id: ids.editReview, value: schedule.reference } }
        : section(line),
    );
  }
  if (canEdit) blocks.push(addButton("Add review schedule", ids.addReview));
  return blocks;
}

/** `/aims objectives`: each objective with its target, owner, due date and latest progress. */
export function objectivesBlocks(objectives: Objective[], canAdd: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [section(objectives.length === 0 ? "*No objectives yet.*" : `*AI objectives (${objectives.length})*`)];
  for (const objective of objectives.slice(0, MAX_LISTED)) {
    const unit = objective.unit ? ` ${escapeMrkdwn(objective.unit)}` : "";
    const progress = objective.progress ? `${PROGRESS[objective.progress]}, ${objective.currentValue ?? 0}${unit} of ${objective.targetValue}${unit}` : "No check-in yet";
    blocks.push(
      section(
        `*${objective.reference}* ${escapeMrkdwn(truncate(objective.title, 200))}\nTarget: ${escapeMrkdwn(truncate(objective.target, 300))} (${objective.targetValue}${unit})\n${progress} · due ${slackDate(objective.dueAt)} · check-ins ${objective.cadence} · ${mention({ channel: objective.ownerChannel, id: objective.ownerId, name: objective.ownerName })}`,
      ),
    );
  }
  if (canAdd) blocks.push(addButton("Add objective", ids.addObjective));
  return blocks;
}
