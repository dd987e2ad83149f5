import { describe, expect, it } from "vitest";
import { blockKitMessage } from "../../src/channels/slack/conversation/block-kit-message.js";
import { blockKitForm } from "../../src/channels/slack/conversation/block-kit-form.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import type { AiSystem, AiToolRequest, RequestDecision, RequestStageDecision } from "../../src/db/generated/client.js";
import type { StageProgress } from "../../src/features/requests/approval-stages.js";
import { MAX_HOLDERS, MAX_STAGES } from "../../src/features/requests/approval-policy/approval-policy.js";
import { requestForm } from "../../src/features/requests/conversation/request-forms.js";
import { approvalView, outcomeView, registerView, statusView } from "../../src/features/requests/conversation/request-views.js";
import { REGISTER_PAGE, type RegisterEntry } from "../../src/features/requests/register-listing.js";
import { vendorStatusLine } from "../../src/features/vendors/vendor-status.js";
import { DATA_CATEGORIES, LIMITS, toRawForm } from "../../src/features/requests/request-form.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { messageBlockProblems, viewProblems } from "../support/fake-slack/block-kit-limits.js";

/** Every answer at its limit, in four-byte characters: the largest request a person can type. */
const fill = (length: number) => "🧭".repeat(length);
const when = new Date("2026-12-01T10:00:00Z");
const request = {
  reference: "REQ-9999",
  revision: 9,
  status: "changes_requested",
  toolName: fill(LIMITS.toolName),
  vendor: fill(LIMITS.vendor),
  url: `https://example.com/${"a".repeat(LIMITS.url - 20)}`,
  purpose: fill(LIMITS.purpose),
  intendedUsers: fill(LIMITS.intendedUsers),
  userCount: LIMITS.userCount,
  dataCategories: DATA_CATEGORIES.map((category) => category.value),
  customerFacing: true,
  decidesAboutPeople: true,
  orgRole: "ai_producer",
  riskTier: "high",
  riskReasons: [fill(100), fill(100), fill(100)],
  requesterChannel: "teams",
  requesterId: "00000000-0000-4000-8000-000000000001",
  requesterName: fill(100),
  createdAt: when,
} as unknown as AiToolRequest;
const decision = {
  outcome: "changes_requested",
  reason: fill(1000),
  deciderChannel: "slack",
  deciderId: "U0APPROVER",
  deciderName: fill(100),
  decidedAt: when,
} as unknown as RequestDecision;
const system = { reference: "SYS-9999", nextReviewAt: when, conditions: [fill(1000), fill(1000), fill(1000)] } as AiSystem;
/** The most stages a policy allows, each with the most holders, every place decided with conditions at their longest. */
const stages = Array.from({ length: MAX_STAGES }, (_, index) => ({
  id: `stage${index}`,
  name: fill(60),
  rule: "allOf" as const,
  holders: ["role:approver", "role:owner", `group:${"g".repeat(80)}`].slice(0, MAX_HOLDERS),
  step: index + 1,
  deadlineHours: 16,
  escalateAfterHours: 8,
}));
const progress: StageProgress[] = stages.map((stage) => ({
  stage,
  state: "waiting",
  waitingFor: [],
  decisions: stage.holders.map((slot) => ({ ...decision, stageId: stage.id, slot, outcome: "approved", conditions: fill(1000) }) as unknown as RequestStageDecision),
}));
/** Register entries in plain letters: a page of 30 written in four-byte characters is over Teams' 28 KB (a known limit). */
const entry = (index: number) =>
  ({
    reference: `SYS-${index}`,
    name: "n".repeat(80),
    vendor: "v".repeat(80),
    riskTier: "high",
    orgRole: "ai_producer",
    status: "suspended",
    ownerChannel: "teams",
    ownerId: "x",
    ownerName: "o".repeat(60),
    nextReviewAt: when,
    conditions: ["c".repeat(1000), "c".repeat(1000)],
    vendorStatus: vendorStatusLine({ reference: "VEN-9999", name: "v".repeat(100), status: "acceptable_with_conditions", nextReviewAt: when }, when),
    latestAssessment: { reference: "ASM-9999", level: "high", signedOffAt: when, nextReassessmentAt: when },
  }) as unknown as RegisterEntry;

const views = [
  approvalView({ ...request, status: "pending" } as AiToolRequest, null),
  approvalView(request, decision),
  approvalView({ ...request, status: "pending" } as AiToolRequest, null, progress),
  outcomeView(request, decision, system, "request.edit"),
  statusView(Array.from({ length: 100 }, () => request), "request.edit"),
  registerView({ systems: Array.from({ length: REGISTER_PAGE }, (_, index) => entry(index)), total: 100, search: fill(80) }),
  registerView({ systems: Array.from({ length: 10 }, (_, index) => ({ ...entry(index), conditions: [fill(1000)] }) as RegisterEntry), total: 10, search: fill(80) }),
];

describe("the request views at their largest", () => {
  it("fit a Slack message, and the form a Slack modal", () => {
    for (const view of views) expect(messageBlockProblems(blockKitMessage(view).blocks), view.title).toEqual([]);
    expect(viewProblems(blockKitForm(requestForm({ id: "request.resubmit", state: { reference: "REQ-9999" }, values: toRawForm(request), editing: "REQ-9999", approverAsked: fill(1000) })))).toEqual([]);
  });

  it("fit Teams' message limit, the form shown back with every error included", () => {
    for (const view of views) expect(messageProblems(cardMessage(adaptiveCardOf(view), view.summary)).problems, view.title).toEqual([]);
    const form = requestForm({ id: "request.resubmit", state: { reference: "REQ-9999" }, values: toRawForm(request), editing: "REQ-9999", approverAsked: fill(1000) });
    // Errors are the bot's own sentences (plain ASCII, none near 200 characters); what was typed is kept at its longest.
    const errors = Object.fromEntries(form.fields.map((field) => [field.id, "e".repeat(200)]));
    expect(messageProblems(cardMessage(adaptiveCardForm(form, errors, fill(200)), "form")).problems).toEqual([]);
  });
});
