import { DateTime } from "luxon";
import { ROLE_NAMES } from "../../../core/roles.js";
import { actions, context, fields, heading, person, section, type Button, type Message } from "../../../conversation/message.js";
import type { ManagementReview } from "../../../db/generated/client.js";
import { DECISION_KINDS } from "../management-review-form.js";
import type { InputSection } from "../management-review-inputs.js";
import { inputsOf, reviewersOf, type ReviewDetails, type ReviewInputsPayload } from "../management-review-service.js";
import { MANAGEMENT_REVIEW_IDS as IDS } from "./management-review-ids.js";
import { MANAGEMENT_REVIEW_WORDING as W } from "./management-review-wording.js";

/**
 * How much of each part a message shows (a Teams card holds about 28 KB, a Slack section 3,000 characters): the
 * inputs in full are kept with the review and in the audit pack.
 */
const BUDGET = { line: 240, inputInDm: 800, inputInView: 300, records: 1500, minutes: 2000 } as const;
const LIST_MAX = 20;

/** A day as the organisation counts it. */
export const dayIn = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone }).toISODate()!;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function reviewButtons(reference: string): Button[] {
  const value = { reference };
  return [
    { label: W.recordDecision, action: IDS.decisionForm, value, style: "primary" },
    { label: W.addAction, action: IDS.actionForm, value },
    { label: W.closeWithMinutes, action: IDS.closeForm, value },
  ];
}

function inputBlocks(inputs: readonly InputSection[], budget: number) {
  return inputs.flatMap((input) => [heading(input.title), section([clip(input.lines.map((line) => `• ${clip(line, BUDGET.line)}`).join("\n"), budget)], { id: `input:${input.id}` })]);
}

/** The reviews not yet closed and the last ones closed, each with a button to open it. */
export function reviewListView(reviews: readonly ManagementReview[], options: { canSchedule: boolean; zone: string }): Message {
  const shown = reviews.slice(0, LIST_MAX);
  return {
    id: "management_review.list",
    title: W.listTitle,
    summary: W.listSummary(shown.length),
    blocks: [
      ...(shown.length === 0 ? [section([W.noReviews])] : []),
      ...shown.map((review) =>
        section([W.line(review.reference, review.title, dayIn(review.scheduledAt, options.zone), W.status[review.status]!)], {
          id: `review:${review.reference}`,
          button: { label: W.open, action: IDS.show, value: { reference: review.reference } },
        }),
      ),
      context(W.ownersSchedule),
    ],
    ...(options.canSchedule ? { actions: [{ label: W.schedule, action: IDS.scheduleForm, style: "primary" as const }] } : {}),
  };
}

function reviewersText(review: ManagementReview): string {
  const named = reviewersOf(review).map((who) => person(who));
  const role = review.reviewerRole ? [W.holdersOf(ROLE_NAMES[review.reviewerRole])] : [];
  return [...named, ...role].join(", ");
}

/** One review: when and who, the inputs once sent, decisions, actions and minutes; the buttons while it is open. */
export function reviewView(review: ReviewDetails, options: { zone: string; canAct: boolean }): Message {
  const { zone } = options;
  const inputs = inputsOf(review);
  return {
    id: "management_review.view",
    title: W.viewTitle,
    summary: W.summary(review.reference, review.title, W.status[review.status]!),
    blocks: [
      heading(W.heading(review.reference, review.title)),
      fields([
        { label: W.day, value: dayIn(review.scheduledAt, zone) },
        { label: W.state, value: W.status[review.status]! },
        { label: W.organiser, value: person({ channel: review.organiserChannel, id: review.organiserId, name: review.organiserName }) },
        { label: W.reviewers, value: reviewersText(review) },
        ...(review.periodStart && review.openedAt ? [{ label: W.period, value: W.periodValue(dayIn(review.periodStart, zone), dayIn(review.openedAt, zone)) }] : []),
      ]),
      ...(review.status === "scheduled" ? [context(W.inputsLater)] : inputBlocks(inputs, BUDGET.inputInView)),
      heading(W.decisions),
      section([
        review.decisions.length === 0
          ? W.noDecisions
          : clip(review.decisions.map((d) => W.decision(DECISION_KINDS[d.kind], d.text, person({ channel: d.decidedByChannel, id: d.decidedById, name: d.decidedByName }), dayIn(d.decidedAt, zone))).join("\n"), BUDGET.records),
      ]),
      heading(W.actions),
      section([
        review.actions.length === 0
          ? W.noActions
          : clip(review.actions.map((a) => W.action(a.id, a.description, person({ channel: a.ownerChannel, id: a.ownerId, name: a.ownerName }), dayIn(a.dueDate, "UTC"), a.status)).join("\n"), BUDGET.records),
      ]),
      ...(review.status === "closed" && review.minutes
        ? [heading(W.minutes), section([clip(review.minutes, BUDGET.minutes)]), context(W.closedBy(person({ channel: review.closedByChannel ?? review.organiserChannel, id: review.closedById ?? "", name: review.closedByName }), dayIn(review.closedAt!, zone)))]
        : []),
      ...(review.status === "open" && options.canAct ? [actions(reviewButtons(review.reference))] : []),
    ],
  };
}

/** What each reviewer gets on the day: the inputs as assembled, and the buttons to record the review. */
export function reviewInputsMessage(payload: ReviewInputsPayload): Message {
  return {
    id: "management_review.inputs",
    title: W.viewTitle,
    summary: W.inputsSummary(payload.reference, payload.title),
    blocks: [
      heading(W.heading(payload.reference, payload.title)),
      section([W.inputsIntro(payload.reference, dayIn(new Date(payload.scheduledAt), payload.zone))]),
      fields([{ label: W.period, value: W.periodValue(dayIn(new Date(payload.periodStart), payload.zone), dayIn(new Date(payload.scheduledAt), payload.zone)) }]),
      ...inputBlocks(payload.inputs, BUDGET.inputInDm),
      context(W.inputsFooter(payload.reference)),
      actions(reviewButtons(payload.reference)),
    ],
  };
}
