import type { ManagementReview, ManagementReviewAction } from "../../db/generated/client.js";
import type { DueItem } from "../reminders/due-item.js";
import { IMPROVEMENT_CONTROLS, MANAGEMENT_REVIEW_CONTROLS } from "./controls.js";

export const MANAGEMENT_REVIEW_SOURCE = "management-review";
export const REVIEW_ACTION_SOURCE = "management-review-action";

const TITLE_MAX = 150;
const short = (text: string) => (text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX - 1)}…` : text);

/** A review not yet closed, due on its day, reminded to whoever organised it until it is closed with minutes. */
export function reviewItem(review: ManagementReview): DueItem {
  return {
    source: MANAGEMENT_REVIEW_SOURCE,
    itemId: review.reference,
    title: `Management review ${review.reference}: ${short(review.title)}`,
    dueAt: review.scheduledAt,
    owner: { channel: review.organiserChannel, id: review.organiserId, name: review.organiserName },
    controls: [...MANAGEMENT_REVIEW_CONTROLS],
    kind: "task",
  };
}

export type ReviewActionWithReview = ManagementReviewAction & { review: { reference: string } };

/** "MR-0002/A-7": the review's reference and the action's number. */
export const actionItemId = (action: ReviewActionWithReview) => `${action.review.reference}/A-${action.id}`;

export function actionIdOf(itemId: string): number | null {
  const match = /\/A-(\d+)$/.exec(itemId);
  return match ? Number(match[1]) : null;
}

/** An open action of a management review (9.3.3), due on its due date, reminded to its owner. */
export function actionItem(action: ReviewActionWithReview): DueItem {
  return {
    source: REVIEW_ACTION_SOURCE,
    itemId: actionItemId(action),
    title: `Action from management review ${action.review.reference}: ${short(action.description)}`,
    dueAt: action.dueDate,
    owner: { channel: action.ownerChannel, id: action.ownerId, name: action.ownerName },
    controls: [...IMPROVEMENT_CONTROLS],
    kind: "task",
  };
}
