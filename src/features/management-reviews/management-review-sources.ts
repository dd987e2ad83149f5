import type { DueItemSource } from "../reminders/due-item.js";
import { actionIdOf, actionItem, actionItemId, MANAGEMENT_REVIEW_SOURCE, REVIEW_ACTION_SOURCE, reviewItem } from "./management-review-items.js";
import type { ManagementReviewService } from "./management-review-service.js";

const WITH_REVIEW = { review: { select: { reference: true } } } as const;

/**
 * Reviews not yet closed, reminded to their organiser before, on and after the day; only closing the review with its
 * minutes completes one, so Mark done says how. Reassign hands the review to another AIMS owner.
 */
export function managementReviewSource(reviews: ManagementReviewService): DueItemSource {
  return {
    name: MANAGEMENT_REVIEW_SOURCE,
    async listDue(db, until) {
      const found = await db.managementReview.findMany({ where: { status: { not: "closed" }, scheduledAt: { lte: until } }, orderBy: [{ scheduledAt: "asc" }, { id: "asc" }] });
      return found.map(reviewItem);
    },
    async find(db, itemId) {
      const review = await db.managementReview.findUnique({ where: { reference: itemId } });
      return review && review.status !== "closed" ? reviewItem(review) : null;
    },
    async complete(_tx, item) {
      return { refused: `${item.itemId} is done once it is closed with its minutes: open it with the management-review command and choose Close with minutes.` };
    },
    async reassign(tx, item, owner, actor) {
      const result = await reviews.reassignOrganiserIn(tx, actor, item.itemId, owner, item.owner);
      return typeof result === "boolean" ? result : { refused: result.message };
    },
  };
}

/** Open actions of management reviews by due date, reminded to their owners; Mark done and Reassign change the action. */
export function reviewActionSource(reviews: ManagementReviewService): DueItemSource {
  return {
    name: REVIEW_ACTION_SOURCE,
    async listDue(db, until) {
      const actions = await db.managementReviewAction.findMany({ where: { status: "open", dueDate: { lte: until } }, include: WITH_REVIEW, orderBy: [{ dueDate: "asc" }, { id: "asc" }] });
      return actions.map(actionItem);
    },
    async find(db, itemId) {
      const id = actionIdOf(itemId);
      const action = id === null ? null : await db.managementReviewAction.findUnique({ where: { id }, include: WITH_REVIEW });
      return action?.status === "open" && actionItemId(action) === itemId ? actionItem(action) : null;
    },
    async complete(tx, item, _at, actor) {
      const result = await reviews.setActionStatusIn(tx, actor, actionIdOf(item.itemId)!, "done");
      if (result.kind === "forbidden") return { refused: result.message };
      return result.kind === "updated";
    },
    async reassign(tx, item, owner, actor) {
      const result = await reviews.reassignActionIn(tx, actor, actionIdOf(item.itemId)!, owner, item.owner);
      if (result.kind === "forbidden" || result.kind === "refused") return { refused: result.message };
      return result.kind === "updated";
    },
    async committed() {
      reviews.deliverChanges();
    },
  };
}
