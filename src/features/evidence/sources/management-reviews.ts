import { column, columns, type EvidenceSource } from "../evidence-source.js";

/** Management reviews (9.3) with the inputs presented, who they went to, and the minutes they were closed with. */
export const managementReviews: EvidenceSource = {
  recordType: "management_review",
  title: "Management reviews and their minutes",
  file: "management-reviews",
  table: "ManagementReview",
  reference: `t."reference"`,
  date: `t."scheduledAt"`,
  outcome: `t."status"::text`,
  columns: [
    ...columns("reference", "title", "scheduledAt"),
    column("status", "text"),
    ...columns("organiserName", "organiserId"),
    column("reviewerRole", "text"),
    { name: "reviewers", sql: `t."reviewers"::text` },
    { name: "sentInputsTo", sql: `t."participants"::text` },
    ...columns("periodStart", "openedAt"),
    { name: "inputs", sql: `t."inputs"::text` },
    ...columns("minutes", "closedAt", "closedById", "fromSchedule", "controls"),
  ],
};

export const managementReviewDecisions: EvidenceSource = {
  recordType: "management_review",
  title: "Management review decisions (9.3.3)",
  file: "management-review-decisions",
  table: "ManagementReviewDecision",
  joins: [{ table: "ManagementReview", alias: "r", on: `r."id" = t."reviewId"` }],
  reference: `r."reference" || '/D-' || t."id"`,
  date: `t."decidedAt"`,
  outcome: `t."kind"::text`,
  columns: [{ name: "review", sql: `r."reference"` }, column("kind", "text"), ...columns("text", "decidedByName", "decidedById", "decidedAt", "controls")],
};

export const managementReviewActions: EvidenceSource = {
  recordType: "management_review",
  title: "Management review actions",
  file: "management-review-actions",
  table: "ManagementReviewAction",
  joins: [{ table: "ManagementReview", alias: "r", on: `r."id" = t."reviewId"` }],
  reference: `r."reference" || '/A-' || t."id"`,
  date: `t."createdAt"`,
  outcome: `t."status"::text`,
  columns: [
    { name: "review", sql: `r."reference"` },
    ...columns("description", "ownerName", "ownerId", "dueDate"),
    column("status", "text"),
    ...columns("completedAt", "createdById", "createdAt", "controls"),
  ],
};
