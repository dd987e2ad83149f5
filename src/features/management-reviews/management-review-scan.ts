import type { NewDelivery } from "../scheduler/delivery.js";
import type { DueScan } from "../scheduler/scheduler.js";
import type { ManagementReviewService } from "./management-review-service.js";

/**
 * On every scheduler tick: opens the management reviews whose day has come. Opening enqueues the reviewers' DMs in
 * its own transaction, so there is nothing more for the scheduler to insert.
 */
export class ManagementReviewScan implements DueScan {
  readonly name = "management-reviews";

  constructor(private readonly reviews: ManagementReviewService) {}

  async scan(now: Date): Promise<NewDelivery[]> {
    await this.reviews.openDue(now);
    return [];
  }
}
