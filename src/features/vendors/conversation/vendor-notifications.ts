import type { Notifier } from "../../../conversation/notifications.js";
import { notifier } from "../../../conversation/notifications.js";
import type { VendorService } from "../vendor-service.js";
import { questionnaireRequestView } from "./vendor-views.js";

type Services = { vendors: VendorService };

/**
 * Sends the due-diligence questionnaire to a vendor's internal owner, in the chat they use: a message with a button
 * that opens the form. Rendered from the database, so a retried delivery shows the vendor as it is, and none is sent
 * once the vendor is no longer waiting for this owner's answers.
 */
export const vendorNotifications: Notifier<Services>[] = [
  notifier<Services>("vendor-owner", {
    "vendor.changed": async ({ vendor, change }, out, services) => {
      if (change !== "questionnaire_sent" || vendor.ownerChannel !== out.channel || !vendor.ownerId) return;
      const current = await services.vendors.details(vendor.reference);
      if (current?.status !== "review_sent" || current.ownerId !== vendor.ownerId) return;
      await out.tell({ channel: vendor.ownerChannel, id: vendor.ownerId }, questionnaireRequestView(current));
    },
  }),
];
