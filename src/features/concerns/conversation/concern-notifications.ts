import type { Concern } from "../../../db/generated/client.js";
import type { Message } from "../../../conversation/message.js";
import type { Notifier, Publisher, Recipient } from "../../../conversation/notifications.js";
import { notifier, whereFormsClose } from "../../../conversation/notifications.js";
import { CONCERN_ENTITY } from "../concern-records.js";
import type { ConcernService } from "../concern-service.js";
import { receiptView, reporterUpdateView } from "./reporter-views.js";
import { answerInThreadView, triageView } from "./triage-view.js";

type Services = { concerns: ConcernService };

const triageKey = (concern: Concern) => ({ entityType: CONCERN_ENTITY, entityId: concern.reference, purpose: "triage" });

/** The concern's one message in the triage place, re-rendered from the database (the event may carry it as it was before a later change). */
function showInTriage(out: Publisher, services: Services, concern: Concern) {
  return out.show("triage", triageKey(concern), async () => {
    const current = await services.concerns.find(concern.reference);
    return current ? triageView(current, await services.concerns.messages(current.id)) : null;
  });
}

/**
 * Concerns in the triage place of every channel, whichever channel they came from: one message per concern,
 * updated in place; the reporter's answers also go under it where a channel has threads (Slack), so triagers
 * are notified. The triage view never names an anonymous reporter.
 */
export const triageNotifications: Notifier<Services>[] = [
  notifier<Services>("triage", {
    "concern.received": ({ concern }, out, services) => showInTriage(out, services, concern),
    "concern.changed": async ({ concern, change }, out, services) => {
      await showInTriage(out, services, concern);
      if (change.kind === "answer") await out.reply?.("triage", triageKey(concern), answerInThreadView(concern, change.message.body));
    },
  }),
];

/** A named reporter, by the chat they use; an anonymous reporter is never messaged (they look with their code). */
function namedReporter(concern: Concern): Recipient | null {
  if (concern.anonymous || !concern.reporterChannel || !concern.reporterId) return null;
  return { channel: concern.reporterChannel, id: concern.reporterId };
}

function tellReporter(out: Publisher, concern: Concern, message: Message | null) {
  const reporter = namedReporter(concern);
  return reporter && message ? out.tell(reporter, message) : undefined;
}

/**
 * Each step, told to a named reporter in their own chat: a receipt where the form's answer did not stay (a Slack
 * modal closes), then every step the triagers take. Apart from the triage message, so neither's retry repeats the other.
 */
export const reporterNotifications: Notifier<Services>[] = [
  notifier<Services>("concern-reporter", {
    "concern.received": whereFormsClose(({ concern }, out) => tellReporter(out, concern, receiptView(concern))),
    "concern.changed": ({ concern, change }, out) => tellReporter(out, concern, reporterUpdateView(concern, change)),
  }),
];
