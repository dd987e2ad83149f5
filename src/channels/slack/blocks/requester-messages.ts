import type { KnownBlock } from "@slack/types";
import type { AiSystem, AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { SLACK_IDS } from "../ids.js";
import { RISK_LABELS, decisionText } from "./request-summary.js";
import { escapeMrkdwn, formatDate } from "./text.js";

/** The DM a requester gets when their request (or its resubmission) is in. */
export function requesterReceipt(request: AiToolRequest): { text: string; blocks: KnownBlock[] } {
  const again = request.revision > 1 ? " (resubmitted)" : "";
  const text = `Thanks! Your request *${request.reference}* for *${escapeMrkdwn(request.toolName)}*${again} is with the AIMS approvers.`;
  return {
    text: `Your request ${request.reference} is with the approvers`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `Risk tier: ${RISK_LABELS[request.riskTier]} (${escapeMrkdwn(request.riskReasons.join("; "))}). You'll hear here when it is decided; until then please don't put company data into the tool. \`/aims status\` shows all your requests.`,
          },
        ],
      },
    ],
  };
}

/** The DM a requester gets with the outcome, and what to do next. */
export function requesterDecisionMessage(
  request: AiToolRequest,
  decision: RequestDecision,
  aiSystem: AiSystem | null,
): { text: string; blocks: KnownBlock[] } {
  const next: KnownBlock[] = [];
  if (decision.outcome === "approved" && aiSystem) {
    next.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `It is now in the AI system register as *${aiSystem.reference}*, with you as owner. Next review: ${formatDate(aiSystem.nextReviewAt)}.`,
        },
      ],
    });
  }
  if (decision.outcome === "changes_requested") {
    next.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: SLACK_IDS.actions.editRequest,
          style: "primary",
          text: { type: "plain_text", text: "Edit and resubmit" },
          value: request.reference,
        },
      ],
    });
  }
  return {
    text: `Your request ${request.reference} for ${request.toolName}: ${decision.outcome.replace("_", " ")}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `Your request *${request.reference}* for *${escapeMrkdwn(request.toolName)}*:\n${decisionText(decision)}` } },
      ...next,
    ],
  };
}
