import type { AiSystem, AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { TEAMS_VERBS } from "../verbs.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "./adaptive-card.js";
import { RISK_LABELS, STATUS_LABELS, decisionBlocks } from "./request-summary.js";
import { formatDate, truncate } from "./text.js";

export function editAction(request: Pick<AiToolRequest, "reference">): CardElement {
  return executeAction("Edit and resubmit", TEAMS_VERBS.editRequest, { reference: request.reference }, "positive");
}

/** Replaces the submitted form: the request is in, with its risk tier and what happens next. */
export function submittedCard(request: AiToolRequest): AdaptiveCard {
  const again = request.revision > 1 ? " (resubmitted)" : "";
  return adaptiveCard([
    textBlock(`Thanks! Your request **${request.reference}** for **${truncate(request.toolName, 80)}**${again} is with the AIMS approvers.`),
    textBlock(
      `Risk tier: ${RISK_LABELS[request.riskTier]} (${request.riskReasons.join("; ")}). You'll hear here when it is decided; until then please don't put company data into the tool. Send **status** to see all your requests.`,
      { subtle: true },
    ),
  ]);
}

/** The message a requester gets with the outcome, and what to do next. */
export function decisionCard(request: AiToolRequest, decision: RequestDecision, aiSystem: AiSystem | null): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`Your request **${request.reference}** for **${truncate(request.toolName, 80)}**:`),
    ...decisionBlocks(decision),
  ];
  if (decision.outcome === "approved" && aiSystem) {
    body.push(
      textBlock(
        `It is now in the AI system register as **${aiSystem.reference}**, with you as owner. Next review: ${formatDate(aiSystem.nextReviewAt)}.`,
        { subtle: true },
      ),
    );
  }
  return adaptiveCard(body, decision.outcome === "changes_requested" ? [editAction(request)] : []);
}

/** `status`: one line per request, with an edit button where the requester has to act. */
export function statusCard(requests: AiToolRequest[]): AdaptiveCard {
  if (requests.length === 0) return adaptiveCard([textBlock("You have no AI tool requests yet. Send **request** to start one.")]);
  const lines = requests.map((request) =>
    textBlock(
      `**${request.reference}** ${truncate(request.toolName, 80)} · ${STATUS_LABELS[request.status]} · risk ${RISK_LABELS[request.riskTier]} · ${formatDate(request.createdAt)}`,
    ),
  );
  const editable = requests.filter((request) => request.status === "changes_requested").slice(0, 5);
  const actions = editable.map((request) => ({ ...editAction(request), title: `Edit ${request.reference}` }));
  return adaptiveCard([textBlock("Your AI tool requests", { size: "medium", weight: "bolder" }), ...lines], actions);
}
