import type { Vendor, VendorStatus } from "../../db/generated/client.js";

/** Where a vendor stands, as people read it: its stored status, or "review overdue" once a review is past due. */
export type VendorStanding = VendorStatus | "review_overdue";

const REVIEWED: readonly VendorStatus[] = ["acceptable", "acceptable_with_conditions", "not_acceptable"];
export const isReviewed = (status: VendorStatus) => REVIEWED.includes(status);
export const REVIEWED_STATUSES = REVIEWED;

export function vendorStanding(vendor: Pick<Vendor, "status" | "nextReviewAt">, now: Date): VendorStanding {
  return isReviewed(vendor.status) && vendor.nextReviewAt && vendor.nextReviewAt.getTime() <= now.getTime() ? "review_overdue" : vendor.status;
}

const WORDS: Record<VendorStanding, string> = {
  not_reviewed: "not reviewed",
  review_sent: "review sent",
  acceptable: "reviewed: acceptable",
  acceptable_with_conditions: "reviewed: acceptable with conditions",
  not_acceptable: "reviewed: not acceptable",
  review_overdue: "review overdue",
};
const ICONS: Record<VendorStanding, string> = {
  not_reviewed: "⚪",
  review_sent: "📨",
  acceptable: "✅",
  acceptable_with_conditions: "🟡",
  not_acceptable: "⛔",
  review_overdue: "⏰",
};

export const standingWords = (standing: VendorStanding) => WORDS[standing];
export const standingIcon = (standing: VendorStanding) => ICONS[standing];

/** A year after the outcome: when a reviewed vendor is due for review again (A.10.3). */
export function nextYearlyReview(at: Date): Date {
  const next = new Date(at);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

/** The vendor line of a register entry (ISO 42001 A.10.3), the same in every channel. */
export function vendorStatusLine(vendor: (Pick<Vendor, "reference" | "name" | "status" | "nextReviewAt">) | null, now: Date): string {
  if (!vendor) return "vendor: no vendor record";
  const standing = vendorStanding(vendor, now);
  return `vendor ${vendor.reference}: ${standingIcon(standing)} ${standingWords(standing)}`;
}
