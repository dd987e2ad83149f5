import type { KnownBlock } from "@slack/types";
import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { DATA_CATEGORIES, ORG_ROLES, optionLabel } from "../../../features/requests/request-form.js";
import { mention } from "../slack-actor.js";
import { escapeMrkdwn, slackDate, truncate } from "./text.js";

export const STATUS_LABELS: Record<AiToolRequest["status"], string> = {
  pending: ":hourglass_flowing_sand: Pending approval",
  approved: ":white_check_mark: Approved",
  rejected: ":x: Rejected",
  changes_requested: ":pencil2: Changes requested",
};

export const RISK_LABELS: Record<AiToolRequest["riskTier"], string> = {
  low: ":large_green_circle: Low",
  medium: ":large_yellow_circle: Medium",
  high: ":red_circle: High",
};

const yesNo = (value: boolean) => (value ? "Yes" : "No");

export function requesterOf(request: AiToolRequest) {
  return { channel: request.requesterChannel, id: request.requesterId, name: request.requesterName };
}

export function deciderOf(decision: RequestDecision) {
  return { channel: decision.deciderChannel, id: decision.deciderId, name: decision.deciderName };
}

/** The facts of a request, as approvers and the requester see them. */
export function requestSummaryBlocks(request: AiToolRequest): KnownBlock[] {
  const field = (label: string, value: string) => ({ type: "mrkdwn" as const, text: truncate(`*${label}*\n${value}`, 2000) });
  const dataCategories = request.dataCategories.map((c) => optionLabel(DATA_CATEGORIES, c)).join(", ");
  return [
    {
      type: "header",
      text: { type: "plain_text", text: truncate(`${request.reference}: ${request.toolName}`, 150) },
    },
    {
      type: "section",
      fields: [
        field("Requested by", mention(requesterOf(request))),
        field("Vendor", escapeMrkdwn(request.vendor)),
        field("Risk tier", `${RISK_LABELS[request.riskTier]}\n_${escapeMrkdwn(request.riskReasons.join("; "))}_`),
        field("Status", STATUS_LABELS[request.status]),
        field("Who will use it", `${escapeMrkdwn(request.intendedUsers)} (about ${request.userCount})`),
        field("Data", escapeMrkdwn(dataCategories)),
        field("Output reaches customers", yesNo(request.customerFacing)),
        field("Decisions about people", yesNo(request.decidesAboutPeople)),
        field("Our role", escapeMrkdwn(optionLabel(ORG_ROLES, request.orgRole))),
        field("Link", request.url ? `<${request.url}|${escapeMrkdwn(truncate(request.url, 60))}>` : "—"),
      ],
    },
    { type: "section", text: { type: "mrkdwn", text: truncate(`*Purpose*\n${escapeMrkdwn(request.purpose)}`, 3000) } },
  ];
}

export function decisionText(decision: RequestDecision): string {
  const verb = { approved: "Approved", rejected: "Rejected", changes_requested: "Changes requested" }[decision.outcome];
  const reason = decision.reason ? `\n>${escapeMrkdwn(truncate(decision.reason, 1500))}` : "";
  return `*${verb}* by ${mention(deciderOf(decision))} ${slackDate(decision.decidedAt)}${reason}`;
}
