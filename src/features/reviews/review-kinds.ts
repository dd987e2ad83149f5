import type { ReviewKind } from "../../db/generated/enums.js";

/** The recurring reviews of an AIMS, with the clause or control each one evidences and its usual interval. */
export const REVIEW_KINDS: Record<ReviewKind, { label: string; controls: readonly string[]; defaultIntervalMonths: number }> = {
  ai_policy: { label: "AI policy review", controls: ["A.2.4", "5.2"], defaultIntervalMonths: 12 },
  internal_audit: { label: "Internal audit", controls: ["9.2"], defaultIntervalMonths: 12 },
  management_review: { label: "Management review", controls: ["9.3"], defaultIntervalMonths: 12 },
  other: { label: "Review", controls: ["9.1"], defaultIntervalMonths: 12 },
};

/**
 * The kinds a review schedule can be made for. Management reviews are their own records now (`/aims
 * management-review`): schedules of that kind were migrated into them and no new ones are made.
 */
export const REVIEW_KIND_NAMES = (Object.keys(REVIEW_KINDS) as ReviewKind[]).filter((kind) => kind !== "management_review") as [ReviewKind, ...ReviewKind[]];
