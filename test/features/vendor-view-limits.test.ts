import { describe, expect, it } from "vitest";
import { blockKitForm } from "../../src/channels/slack/conversation/block-kit-form.js";
import { blockKitModal } from "../../src/channels/slack/conversation/block-kit-message.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import type { Vendor, VendorReview } from "../../src/db/generated/client.js";
import { addVendorForm, answersForm, outcomeForm, ownerForm } from "../../src/features/vendors/conversation/vendor-forms.js";
import { questionnaireRequestView, VENDORS_SHOWN, vendorListView, vendorView } from "../../src/features/vendors/conversation/vendor-views.js";
import { VENDOR_LIMITS } from "../../src/features/vendors/vendor-form.js";
import { loadVendorQuestionnaire, type VendorAnswers } from "../../src/features/vendors/vendor-questionnaire.js";
import type { VendorDetails } from "../../src/features/vendors/vendor-service.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { viewProblems } from "../support/fake-slack/block-kit-limits.js";

/** Every text at its limit, in four-byte characters: the largest vendor a person can type. */
const fill = (length: number) => "🧭".repeat(length);
const now = new Date("2027-02-01T09:00:00.000Z");
const questionnaire = loadVendorQuestionnaire();

const vendor: Vendor = {
  id: 1,
  reference: "VEN-9999",
  name: fill(VENDOR_LIMITS.name),
  nameKey: "x",
  domains: Array.from({ length: VENDOR_LIMITS.domains }, (_, n) => `${"d".repeat(40)}${n}.example.com`),
  ownerChannel: "teams",
  ownerId: "00000000-0000-4000-8000-000000000001",
  ownerName: fill(100),
  status: "acceptable_with_conditions",
  outcomeNote: fill(VENDOR_LIMITS.note),
  questionnaireSentAt: now,
  reviewedAt: now,
  nextReviewAt: now,
  createdByChannel: "slack",
  createdById: "UOWNER1",
  controls: ["A.10.2", "A.10.3"],
  createdAt: now,
  updatedAt: now,
};

/** Every answer at its longest: each text as long as its question takes, every option chosen. */
const longest: VendorAnswers = Object.fromEntries(
  questionnaire.questions.map((question) => [question.id, question.type === "multi_choice" ? question.options!.map((option) => option.value) : question.options ? question.options[0]!.value : fill(question.max_length ?? 2000)]),
);
// The answers check counts UTF-16 units, as Slack does: the longest text it stores is the limit in plain letters.
const longestStored: VendorAnswers = Object.fromEntries(Object.entries(longest).map(([id, answer]) => [id, Array.isArray(answer) || answer.length < 100 ? answer : "n".repeat(answer.length / 2)]));
const review = (version: number): VendorReview => ({
  id: version,
  vendorId: 1,
  version,
  definitionId: questionnaire.id,
  definitionVersion: questionnaire.version,
  answers: longest,
  recordedByChannel: "teams",
  recordedById: "x",
  recordedAt: now,
  outcome: null,
  outcomeNote: null,
  decidedByChannel: null,
  decidedById: null,
  decidedAt: null,
  controls: ["A.10.2", "A.10.3"],
});
const largest: VendorDetails = {
  ...vendor,
  reviews: [review(30), review(29)],
  aiSystems: Array.from({ length: 200 }, (_, n) => ({ reference: `SYS-${n}`, name: fill(200), status: "suspended" as const })),
};
const many = Array.from({ length: VENDORS_SHOWN + 40 }, (_, n) => ({ ...vendor, reference: `VEN-${n}`, systemCount: 1000 }));
const options = { now, canManage: true, canAnswer: true, notice: fill(200) };
const problemsOf = (card: Parameters<typeof cardMessage>[0]) => messageProblems(cardMessage(card, "Vendor")).problems;

describe("the vendor views at their largest", () => {
  it("fit one Slack modal: the list, a vendor with every answer at its longest, the request and the forms", () => {
    expect(viewProblems(blockKitModal(vendorListView(many, options)))).toEqual([]);
    expect(viewProblems(blockKitModal(vendorView(largest, questionnaire, options)))).toEqual([]);
    expect(viewProblems(blockKitModal(questionnaireRequestView(vendor)))).toEqual([]);
    expect(viewProblems(blockKitForm(addVendorForm(), "V1"))).toEqual([]);
    expect(viewProblems(blockKitForm(ownerForm(vendor), "V2"))).toEqual([]);
    expect(viewProblems(blockKitForm(answersForm(vendor, questionnaire, longestStored), "V3"))).toEqual([]);
    expect(viewProblems(blockKitForm(outcomeForm(vendor, 30), "V4"))).toEqual([]);
  });

  it("fit Teams' message limit: the same views and forms as cards", () => {
    expect(problemsOf(adaptiveCardOf(vendorListView(many, options)))).toEqual([]);
    expect(problemsOf(adaptiveCardOf(vendorView(largest, questionnaire, options)))).toEqual([]);
    expect(problemsOf(adaptiveCardOf(questionnaireRequestView(vendor)))).toEqual([]);
    expect(problemsOf(adaptiveCardForm(addVendorForm(), { name: fill(VENDOR_LIMITS.name), domains: fill(VENDOR_LIMITS.domainsText) }, fill(100)))).toEqual([]);
    expect(problemsOf(adaptiveCardForm(answersForm(vendor, questionnaire, longest), {}, fill(100)))).toEqual([]);
    expect(problemsOf(adaptiveCardForm(outcomeForm(vendor, 30), { note: fill(VENDOR_LIMITS.note) }, fill(100)))).toEqual([]);
  });
});
