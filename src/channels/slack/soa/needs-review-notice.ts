import { needsReviewText } from "../../../features/soa/needs-review.js";
import type { SetRolesResult } from "../../../features/soa/soa-service.js";

export function needsReviewNotice(result: Extract<SetRolesResult, { kind: "saved" }>): string | undefined {
  const text = needsReviewText(result.needsReview, (ids) => `*${ids}*`);
  return text && `:warning: ${text}`;
}
