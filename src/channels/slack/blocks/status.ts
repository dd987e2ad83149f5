import type { KnownBlock } from "@slack/types";
import type { AiToolRequest } from "../../../db/generated/client.js";
import { SLACK_IDS } from "../ids.js";
import { RISK_LABELS, STATUS_LABELS } from "./request-summary.js";
import { escapeMrkdwn, formatDate, truncate } from "./text.js";

/** One line per request: reference, tool, state and risk; an edit button where the requester has to act. */
export function requestLine(request: AiToolRequest): KnownBlock {
  const text = `*${request.reference}* ${escapeMrkdwn(truncate(request.toolName, 80))} · ${STATUS_LABELS[request.status]} · risk ${RISK_LABELS[request.riskTier]} · ${formatDate(request.createdAt)}`;
  return request.status === "changes_requested"
    ? {
        type: "section",
        text: { type: "mrkdwn", text },
        accessory: {
          type: "button",
          action_id: SLACK_IDS.actions.editRequest,
          text: { type: "plain_text", text: "Edit and resubmit" },
          value: request.reference,
        },
      }
    : { type: "section", text: { type: "mrkdwn", text } };
}

export function statusBlocks(requests: AiToolRequest[]): KnownBlock[] {
  if (requests.length === 0) {
    return [{ type: "section", text: { type: "mrkdwn", text: "You have no AI tool requests yet. Start one with `/aims request`." } }];
  }
  return [
    { type: "section", text: { type: "mrkdwn", text: "*Your AI tool requests*" } },
    ...requests.slice(0, 45).map(requestLine),
  ];
}
