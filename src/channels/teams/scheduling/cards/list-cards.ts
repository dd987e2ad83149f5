import type { Objective, ReviewSchedule } from "../../../../db/generated/client.js";
import type { ChatChannel } from "../../../../core/actor.js";
import { dueStatusText } from "../../../../features/reminders/due-status.js";
import type { DueListing } from "../../../../features/reviews/review-service.js";
import { adaptiveCard, textBlock, type AdaptiveCard, type CardElement } from "../../cards/adaptive-card.js";
import { formatDate, personLabel, truncate } from "../../cards/text.js";

/** Enough rows to be useful, few enough to stay well inside Teams' 28 KB per message. */
const MAX_LISTED = 40;
const PROGRESS: Record<string, string> = { on_track: "🟢 On track", at_risk: "🟡 At risk", off_track: "🔴 Off track" };

const heading = (text: string) => textBlock(text, { size: "medium", weight: "bolder" });
const more = (shown: number, total: number): CardElement[] => (total > shown ? [textBlock(`… and ${total - shown} more.`, { subtle: true })] : []);
const ownerOf = (row: { ownerChannel: ChatChannel; ownerId: string; ownerName: string | null }) =>
  personLabel({ channel: row.ownerChannel, id: row.ownerId, name: row.ownerName });

/** `reviews`: what is due in the next `days` days (overdue first), then the recurring review schedules. */
export function reviewsCard(due: DueListing[], schedules: ReviewSchedule[], days: number): AdaptiveCard {
  const body: CardElement[] = [heading(due.length === 0 ? `Nothing is due in the next ${days} days.` : `Due in the next ${days} days (${due.length})`)];
  for (const item of due.slice(0, MAX_LISTED)) {
    const status = item.status.kind === "overdue" ? `**${dueStatusText(item.status)}**` : dueStatusText(item.status);
    body.push(textBlock(`**${item.itemId}** ${truncate(item.title, 150)}\n\n${status} · ${formatDate(item.dueAt)} · ${personLabel(item.owner)}`));
  }
  body.push(...more(Math.min(due.length, MAX_LISTED), due.length), heading(`Review schedules (${schedules.length})`));
  for (const schedule of schedules.slice(0, MAX_LISTED)) {
    body.push(textBlock(`**${schedule.reference}** ${truncate(schedule.title, 150)} · every ${schedule.intervalMonths} month(s) · next ${formatDate(schedule.nextDueAt)} · ${ownerOf(schedule)}`));
  }
  body.push(...more(Math.min(schedules.length, MAX_LISTED), schedules.length));
  return adaptiveCard(body);
}

/** `objectives`: each objective with its target, latest progress, due date, cadence and owner. */
export function objectivesCard(objectives: Objective[]): AdaptiveCard {
  const body: CardElement[] = [heading(objectives.length === 0 ? "No AI objectives yet." : `AI objectives (${objectives.length})`)];
  for (const objective of objectives.slice(0, MAX_LISTED)) {
    const unit = objective.unit ? ` ${objective.unit}` : "";
    const progress = objective.progress ? `${PROGRESS[objective.progress]}, ${objective.currentValue ?? 0}${unit} of ${objective.targetValue}${unit}` : "No check-in yet";
    body.push(
      textBlock(
        `**${objective.reference}** ${truncate(objective.title, 200)}\n\nTarget: ${truncate(objective.target, 300)} (${objective.targetValue}${unit})\n\n${progress} · due ${formatDate(objective.dueAt)} · check-ins ${objective.cadence} · ${ownerOf(objective)}`,
      ),
    );
  }
  body.push(...more(Math.min(objectives.length, MAX_LISTED), objectives.length));
  return adaptiveCard(body);
}
