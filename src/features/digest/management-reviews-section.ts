import type { DigestSection } from "./digest-section.js";

const DAY_MS = 86400_000;

/** The next management review, reviews held but not closed, and their actions open and overdue (9.3, 10.1). */
export const managementReviewsSection: DigestSection = {
  title: "Management reviews",
  async collect(db, { to }) {
    const [next, held, open, overdue] = await Promise.all([
      db.managementReview.findFirst({ where: { status: "scheduled" }, orderBy: { scheduledAt: "asc" } }),
      db.managementReview.count({ where: { status: "open" } }),
      db.managementReviewAction.count({ where: { status: "open" } }),
      db.managementReviewAction.count({ where: { status: "open", dueDate: { lt: to } } }),
    ]);
    const nextLine = next
      ? {
          key: "management_reviews.next_in_days",
          label: `Days to the next management review (${next.reference}, ${next.scheduledAt.toISOString().slice(0, 10)})`,
          value: Math.max(0, Math.ceil((next.scheduledAt.getTime() - to.getTime()) / DAY_MS)),
        }
      : { key: "management_reviews.scheduled", label: "Management reviews scheduled: none, an AIMS owner should schedule one", value: 0 };
    return [
      nextLine,
      { key: "management_reviews.not_closed", label: "Held, not yet closed with minutes", value: held },
      { key: "management_reviews.actions_open", label: "Review actions open", value: open },
      { key: "management_reviews.actions_overdue", label: "Review actions overdue", value: overdue },
    ];
  },
};
