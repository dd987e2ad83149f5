import type { SetRolesResult } from "../../../features/soa/soa-service.js";

/** What the owner is told after changing the roles: which reviewed lines the new proposal disagrees with. */
export function needsReviewNotice(result: Extract<SetRolesResult, { kind: "saved" }>): string | undefined {
  if (result.needsReview.length === 0) return undefined;
  return `:warning: For the new roles the proposal differs on lines you already reviewed: *${result.needsReview.join(", ")}*. Please look at them again.`;
}
