import { column, columns, type EvidenceSource } from "../evidence-source.js";

/**
 * Vendors (A.10.2, A.10.3): each with its internal owner's id, its due-diligence status and its next review. Filed
 * as register entries, the record type that evidences A.10.2 and A.10.3 next to the systems they supply.
 */
export const vendors: EvidenceSource = {
  recordType: "register_entry",
  title: "Vendors (due diligence)",
  file: "vendors",
  table: "Vendor",
  reference: `t."reference"`,
  date: `t."createdAt"`,
  outcome: `t."status"`,
  columns: [
    ...columns("reference", "name", "domains", "ownerId"),
    column("status", "text"),
    ...columns("outcomeNote", "questionnaireSentAt", "reviewedAt", "nextReviewAt", "createdAt", "controls"),
  ],
};

/** Each submission of the due-diligence questionnaire, versioned, with the outcome recorded on it. */
export const vendorReviews: EvidenceSource = {
  recordType: "review_completion",
  title: "Vendor due-diligence answers and outcomes",
  file: "vendor-reviews",
  table: "VendorReview",
  joins: [{ table: "Vendor", alias: "v", on: `v."id" = t."vendorId"` }],
  reference: `v."reference" || ' v' || t."version"`,
  date: `t."recordedAt"`,
  outcome: `coalesce(t."outcome"::text, 'awaiting outcome')`,
  columns: [
    { name: "vendor", sql: `v."reference"` },
    { name: "vendorName", sql: `v."name"` },
    ...columns("version", "definitionId", "definitionVersion"),
    { name: "answers", sql: `t."answers"::text` },
    ...columns("recordedById", "recordedAt"),
    column("outcome", "text"),
    ...columns("outcomeNote", "decidedById", "decidedAt", "controls"),
  ],
};
