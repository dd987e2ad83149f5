import { actions, context, heading, moment, person, section, truncate, type Block, type Message } from "../../../conversation/message.js";
import type { Objective, ReviewSchedule } from "../../../db/generated/client.js";
import { dueStatusText } from "../../reminders/due-status.js";
import type { DueListing } from "../../reviews/review-service.js";
import { SCHEDULING_IDS as IDS } from "./scheduling-ids.js";
import { SCHEDULING_WORDING as W } from "./scheduling-wording.js";

/** Enough rows to be useful, few enough for a Slack modal (100 blocks) and a Teams card (28 KB). */
const MAX_LISTED = 20;

const more = (total: number): Block[] => (total > MAX_LISTED ? [context(W.more(total - MAX_LISTED))] : []);
const ownerOf = (row: ReviewSchedule | Objective) => person({ channel: row.ownerChannel, id: row.ownerId, name: row.ownerName });

function dueLine(item: DueListing): Block {
  const status = item.status.kind === "overdue" ? `**${dueStatusText(item.status)}**` : dueStatusText(item.status);
  return section([`**${item.itemId}** ${truncate(item.title, 150)}`, W.reviews.dueLine(status, moment(item.dueAt), person(item.owner))]);
}

/** `reviews`: what is due in the next `days` days (overdue first), then the recurring review schedules. */
export function reviewsView(due: DueListing[], schedules: ReviewSchedule[], options: { days: number; canEdit: boolean }): Message {
  const R = W.reviews;
  const scheduleLine = (schedule: ReviewSchedule) =>
    section([R.scheduleLine(schedule.reference, truncate(schedule.title, 150), schedule.intervalMonths, moment(schedule.nextDueAt), ownerOf(schedule))], {
      id: `schedule:${schedule.reference}`,
      ...(options.canEdit ? { button: { label: R.edit, action: IDS.reviewForm, value: { reference: schedule.reference } } } : {}),
    });
  return {
    id: "reviews.list",
    title: R.title,
    summary: R.summary(due.length, options.days),
    blocks: [
      heading(due.length === 0 ? R.nothingDue(options.days) : R.dueHeading(options.days, due.length)),
      ...due.slice(0, MAX_LISTED).map(dueLine),
      ...more(due.length),
      { kind: "divider" },
      heading(R.schedulesHeading(schedules.length)),
      ...schedules.slice(0, MAX_LISTED).map(scheduleLine),
      ...more(schedules.length),
      ...(options.canEdit ? [actions([{ label: R.add, action: IDS.reviewForm, value: { reference: "" } }])] : []),
    ],
  };
}

function objectiveLine(objective: Objective): Block {
  const O = W.objectives;
  const unit = objective.unit ? ` ${objective.unit}` : "";
  const progress = objective.progress ? O.progress(W.progressShown[objective.progress]!, `${objective.currentValue ?? 0}${unit}`, `${objective.targetValue}${unit}`) : O.noCheckIn;
  return section([
    `**${objective.reference}** ${truncate(objective.title, 200)}`,
    O.target(truncate(objective.target, 300), `${objective.targetValue}${unit}`),
    O.line(progress, moment(objective.dueAt), objective.cadence, ownerOf(objective)),
  ]);
}

/** `objectives`: each objective with its target, latest progress, due date, cadence and owner. */
export function objectivesView(objectives: Objective[], canAdd: boolean): Message {
  const O = W.objectives;
  return {
    id: "objectives.list",
    title: O.title,
    summary: O.summary(objectives.length),
    blocks: [
      heading(objectives.length === 0 ? O.none : O.heading(objectives.length)),
      ...objectives.slice(0, MAX_LISTED).map(objectiveLine),
      ...more(objectives.length),
      ...(canAdd ? [actions([{ label: O.add, action: IDS.objectiveForm }])] : []),
    ],
  };
}
