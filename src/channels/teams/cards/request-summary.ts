import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { DATA_CATEGORIES, ORG_ROLES, optionLabel } from "../../../features/requests/request-form.js";
import { textBlock, type CardElement } from "./adaptive-card.js";
import { formatDate, personLabel, truncate } from "./text.js";

export const STATUS_LABELS: Record<AiToolRequest["status"], string> = {
  pending: "⏳ Pending approval",
  approved: "✅ Approved",
  rejected: "❌ Rejected",
  changes_requested: "✏️ Changes requested",
};

export const RISK_LABELS: Record<AiToolRequest["riskTier"], string> = {
  low: "🟢 Low",
  medium: "🟡 Medium",
  high: "🔴 High",
};

const yesNo = (value: boolean) => (value ? "Yes" : "No");

const requesterOf = (request: AiToolRequest) => ({ channel: request.requesterChannel, id: request.requesterId, name: request.requesterName });
const deciderOf = (decision: RequestDecision) => ({ channel: decision.deciderChannel, id: decision.deciderId, name: decision.deciderName });

/** The facts of a request, as approvers and the requester see them. */
export function requestSummary(request: AiToolRequest): CardElement[] {
  const fact = (title: string, value: string) => ({ title, value: truncate(value, 1000) });
  return [
    textBlock(truncate(`${request.reference}: ${request.toolName}`, 150), { size: "large", weight: "bolder" }),
    {
      type: "FactSet",
      facts: [
        fact("Requested by", personLabel(requesterOf(request))),
        fact("Vendor", request.vendor),
        fact("Risk tier", `${RISK_LABELS[request.riskTier]} (${request.riskReasons.join("; ")})`),
        fact("Status", STATUS_LABELS[request.status]),
        fact("Who will use it", `${request.intendedUsers} (about ${request.userCount})`),
        fact("Data", request.dataCategories.map((c) => optionLabel(DATA_CATEGORIES, c)).join(", ")),
        fact("Output reaches customers", yesNo(request.customerFacing)),
        fact("Decisions about people", yesNo(request.decidesAboutPeople)),
        fact("Our role", optionLabel(ORG_ROLES, request.orgRole)),
        fact("Link", request.url ?? "—"),
      ],
    },
    textBlock("**Purpose**"),
    textBlock(truncate(request.purpose, 3000), { subtle: false }),
  ];
}

export function decisionText(decision: RequestDecision): string {
  const verb = { approved: "Approved", rejected: "Rejected", changes_requested: "Changes requested" }[decision.outcome];
  return `**${verb}** by ${personLabel(deciderOf(decision))} on ${formatDate(decision.decidedAt)}`;
}

export function decisionBlocks(decision: RequestDecision): CardElement[] {
  const blocks = [textBlock(decisionText(decision))];
  if (decision.reason) blocks.push(textBlock(`“${truncate(decision.reason, 1500)}”`, { subtle: true }));
  return blocks;
}
