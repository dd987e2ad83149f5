import type { Vendor } from "../../db/generated/client.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";
import type { VendorService } from "./vendor-service.js";
import { isReviewed } from "./vendor-status.js";

export const VENDOR_REVIEW_SOURCE = "vendor-review";

export function vendorReviewItem(vendor: Vendor): DueItem | null {
  if (!vendor.ownerChannel || !vendor.ownerId || !vendor.nextReviewAt) return null;
  return {
    source: VENDOR_REVIEW_SOURCE,
    itemId: vendor.reference,
    title: `Yearly review of vendor ${vendor.name} (${vendor.reference})`,
    dueAt: vendor.nextReviewAt,
    owner: { channel: vendor.ownerChannel, id: vendor.ownerId, name: vendor.ownerName },
    controls: vendor.controls,
    kind: "task",
  };
}

/**
 * Reviewed vendors whose yearly re-review is due (A.10.3), reminded to their internal owner. Mark done sends the
 * questionnaire again (the vendor becomes "review sent", its owner gets it in chat); Reassign gives the vendor
 * another owner. Both through the vendor service, inside the reminder's transaction.
 */
export function vendorReviewSource(vendors: VendorService): DueItemSource {
  return {
    name: VENDOR_REVIEW_SOURCE,
    async listDue(db, until) {
      return (await vendors.dueForReview(db, until)).flatMap((vendor) => vendorReviewItem(vendor) ?? []);
    },
    async find(db, itemId) {
      const vendor = await db.vendor.findUnique({ where: { reference: itemId } });
      return vendor && isReviewed(vendor.status) ? vendorReviewItem(vendor) : null;
    },
    async complete(tx, item, _at, actor) {
      const vendor = await tx.vendor.findUnique({ where: { reference: item.itemId } });
      if (!vendor || !isReviewed(vendor.status) || vendor.nextReviewAt?.getTime() !== item.dueAt.getTime()) return false;
      const result = await vendors.sendIn(tx, actor, item.itemId);
      return result.kind === "changed" ? true : { refused: result.message };
    },
    async reassign(tx, item, owner, actor) {
      const result = await vendors.setOwnerIn(tx, actor, item.itemId, owner);
      return result.kind === "changed" ? true : { refused: result.message };
    },
    async committed() {
      vendors.deliverChanges();
    },
  };
}
