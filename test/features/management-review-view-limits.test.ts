import { describe, expect, it } from "vitest";
import { blockKitForm } from "../../src/channels/slack/conversation/block-kit-form.js";
import { blockKitMessage, blockKitModal } from "../../src/channels/slack/conversation/block-kit-message.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import type { ManagementReview } from "../../src/db/generated/client.js";
import { actionForm, closeForm, decisionForm, scheduleForm } from "../../src/features/management-reviews/conversation/management-review-forms.js";
import { reviewInputsMessage, reviewListView, reviewView } from "../../src/features/management-reviews/conversation/management-review-views.js";
import { REVIEW_LIMITS } from "../../src/features/management-reviews/management-review-form.js";
import type { ReviewDetails, ReviewInputsPayload } from "../../src/features/management-reviews/management-review-service.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { messageBlockProblems, viewProblems } from "../support/fake-slack/block-kit-limits.js";

/** Four-byte characters: the largest text a person can type (each counts twice towards a length). */
const fill = (length: number) => "🧭".repeat(Math.floor(length / 2));
const when = new Date("2026-12-10T09:00:00Z");
const someone = (n: number) => ({ channel: n % 2 ? ("slack" as const) : ("teams" as const), id: `ID-${n}`, name: fill(60) });
const inputs = Array.from({ length: 8 }, (_, n) => ({ id: `input-${n}`, title: fill(120), lines: Array.from({ length: 12 }, () => fill(400)) }));

/** A review with every text at its longest: many reviewers, 40 decisions and 40 actions, the longest minutes. */
const review = {
  reference: "MR-0001",
  title: fill(REVIEW_LIMITS.title),
  scheduledAt: when,
  status: "closed",
  organiserChannel: "slack",
  organiserId: "U1",
  organiserName: fill(60),
  reviewers: Array.from({ length: 3 }, (_, n) => someone(n)),
  reviewerRole: "manager",
  periodStart: new Date("2025-12-10T09:00:00Z"),
  openedAt: when,
  inputs,
  participants: [],
  minutes: fill(REVIEW_LIMITS.minutes),
  closedAt: when,
  closedByChannel: "teams",
  closedById: "aad-1",
  decisions: Array.from({ length: 40 }, (_, n) => ({ kind: "improvement", text: fill(REVIEW_LIMITS.decision), decidedByChannel: someone(n).channel, decidedById: someone(n).id, decidedByName: fill(60), decidedAt: when })),
  actions: Array.from({ length: 40 }, (_, n) => ({ id: n, description: fill(REVIEW_LIMITS.action), ownerChannel: someone(n).channel, ownerId: someone(n).id, ownerName: fill(60), dueDate: when, status: "open" })),
} as unknown as ReviewDetails;

const payload: ReviewInputsPayload = { type: "management-review-inputs", reference: "MR-0001", title: fill(REVIEW_LIMITS.title), scheduledAt: when.toISOString(), periodStart: when.toISOString(), inputs, zone: "Europe/London" };
const reviews = Array.from({ length: 60 }, (_, n) => ({ ...review, reference: `MR-${n}`, status: "scheduled" }) as unknown as ManagementReview);
const views = () => [reviewView(review, { zone: "Europe/London", canAct: true }), reviewView({ ...review, status: "open" }, { zone: "UTC", canAct: true }), reviewListView(reviews, { canSchedule: true, zone: "UTC" })];
const forms = () => [scheduleForm(), decisionForm("MR-0001"), actionForm("MR-0001"), closeForm("MR-0001")];

describe("management reviews at their largest", () => {
  it("fit Slack: the inputs as a DM, the review and the list in a modal, the forms", () => {
    expect(messageBlockProblems(blockKitMessage(reviewInputsMessage(payload)).blocks)).toEqual([]);
    for (const view of views()) expect(viewProblems(blockKitModal(view)), view.id).toEqual([]);
    for (const form of forms()) expect(viewProblems(blockKitForm(form)), form.id).toEqual([]);
  });

  it("fit Teams cards", () => {
    const inputsMessage = reviewInputsMessage(payload);
    expect(messageProblems(cardMessage(adaptiveCardOf(inputsMessage), inputsMessage.summary)).problems).toEqual([]);
    for (const view of views()) expect(messageProblems(cardMessage(adaptiveCardOf(view), view.summary)).problems, view.id).toEqual([]);
    for (const form of forms()) expect(messageProblems(cardMessage(adaptiveCardForm(form, {}, undefined), form.title)).problems, form.id).toEqual([]);
  });
});
