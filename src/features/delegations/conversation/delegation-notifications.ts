import type { Notifier } from "../../../conversation/notifications.js";
import { notifier } from "../../../conversation/notifications.js";
import { delegateToldView } from "./delegation-views.js";

/** Tells a delegate, in the chat they use, that they cover for an approver, or that the cover was cancelled. */
export const delegationNotifications: Notifier<unknown>[] = [
  notifier<unknown>("delegate", {
    "delegation.changed": ({ delegation, change }, out) => out.tell({ channel: delegation.delegateChannel, id: delegation.delegateId }, delegateToldView(delegation, change)),
  }),
];
