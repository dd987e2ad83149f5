import type { Notifier } from "../../../conversation/notifications.js";
import { notifier } from "../../../conversation/notifications.js";
import { toldView } from "./register-views.js";

/**
 * When a register entry is suspended, resumed or retired (its approval expired, say), each of its users is told in
 * the chat they use, with the reason. Each message is remembered, so a retry tells only those not told yet.
 */
export const registerNotifications: Notifier<unknown>[] = [
  notifier<unknown>("register-lifecycle", {
    "register.lifecycle_changed": async ({ system, reason, change, tell }, out) => {
      const message = toldView(system, reason);
      for (const user of tell) {
        await out.tell(user, message, { once: { entityType: "ai_system", entityId: system.reference, purpose: `lifecycle:${change}:${user.id}` } });
      }
    },
  }),
];
