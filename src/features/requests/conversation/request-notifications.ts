import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import type { Notifier, Publisher, Recipient } from "../../../conversation/notifications.js";
import { notifier, whereFormsClose } from "../../../conversation/notifications.js";
import type { RequestService } from "../request-service.js";
import { approvalMessage } from "./request-decisions.js";
import { outcomeView, receiptView, reopenedView } from "./request-views.js";

type Services = { requests: RequestService };

const approvalKey = (request: AiToolRequest) => ({ entityType: "ai_tool_request", entityId: request.reference, purpose: "approval" });
const requester = (request: AiToolRequest): Recipient => ({ channel: request.requesterChannel, id: request.requesterId });

/** The request's one message in the approvals place, as the request now stands, updated in place. */
function showToApprovers(out: Publisher, services: Services, request: AiToolRequest, decision: RequestDecision | null) {
  return out.show("approvals", approvalKey(request), async () => approvalMessage(request, decision, await services.requests.progress(request)));
}

/** A receipt in the requester's DM, where the form's own answer did not stay (a Slack modal closes). */
const receipt = whereFormsClose<Services, "request.submitted" | "request.resubmitted">(({ request }, out) => out.tell(requester(request), receiptView(request)));

/**
 * Request changes, shown in every channel whichever channel they came from: the approvals message, and the
 * requester's DMs. Delivered apart: an outage that fails one never repeats the other.
 */
export const requestNotifications: Notifier<Services>[] = [
  notifier<Services>("approvals", {
    "request.submitted": ({ request }, out, services) => showToApprovers(out, services, request, null),
    "request.resubmitted": ({ request }, out, services) => showToApprovers(out, services, request, null),
    "request.decided": ({ request, decision }, out, services) => showToApprovers(out, services, request, decision),
    "request.redisplayed": ({ request, decision }, out, services) => showToApprovers(out, services, request, decision),
    "request.stage_decided": ({ request }, out, services) => showToApprovers(out, services, request, null),
    "request.withdrawn": ({ request }, out, services) => showToApprovers(out, services, request, null),
    "request.reopened": ({ request }, out, services) => showToApprovers(out, services, request, null),
  }),
  notifier<Services>("requester", {
    "request.submitted": receipt,
    "request.resubmitted": receipt,
    "request.reopened": ({ request, reason, by }, out) => out.tell(requester(request), reopenedView(request, by, reason)),
    "request.decided": ({ request, decision, aiSystem }, out) => out.tell(requester(request), outcomeView(request, decision, aiSystem)),
  }),
];
