import { describe, expect, it } from "vitest";
import { blockKitModal } from "../../src/channels/slack/conversation/block-kit-message.js";
import { blockKitForm } from "../../src/channels/slack/conversation/block-kit-form.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import type { Improvement, Nonconformity } from "../../src/db/generated/client.js";
import { actionForm, analysisForm, checkForm, improvementForm, improvementStatusForm, raiseForm } from "../../src/features/nonconformities/conversation/nc-forms.js";
import { improvementsView, ncListView, ncView } from "../../src/features/nonconformities/conversation/nc-views.js";
import type { NonconformityDetails } from "../../src/features/nonconformities/nonconformity-service.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { viewProblems } from "../support/fake-slack/block-kit-limits.js";

/** Four-byte characters: the largest text a person can type. */
const fill = (length: number) => "🧭".repeat(length);
const when = new Date("2026-12-01T09:40:00Z");
const someone = (n: number) => ({ channel: n % 2 ? ("slack" as const) : ("teams" as const), id: `ID-${n}`, name: fill(60) });

const base = {
  reference: "NC-0001",
  sourceKind: "incident",
  sourceRef: "INC-0001",
  description: fill(1500),
  reaction: fill(1500),
  rootCause: fill(1500),
  status: "checking",
  ownerChannel: "teams",
  ownerId: "ID-O",
  ownerName: fill(60),
  raisedByChannel: "slack",
  raisedById: "U1",
  raisedByName: fill(60),
  checkDueAt: when,
  closedAt: null,
  createdAt: when,
} as unknown as Nonconformity;

/** A nonconformity with every text at its longest, 60 corrective actions, 30 checks and 30 improvements. */
const nc = {
  ...base,
  correctiveActions: Array.from({ length: 60 }, (_, n) => ({ id: n, description: fill(1000), ownerChannel: someone(n).channel, ownerId: someone(n).id, ownerName: fill(60), dueDate: when, status: n % 2 ? "open" : "done" })),
  checks: Array.from({ length: 30 }, (_, n) => ({ effective: n % 2 === 0, note: fill(1000), checkerChannel: someone(n).channel, checkerId: someone(n).id, checkerName: fill(60), checkedAt: when })),
  improvements: Array.from({ length: 30 }, (_, n) => ({ reference: `IMP-${n}`, title: fill(150), status: "planned" })),
} as unknown as NonconformityDetails;
const improvements = Array.from({ length: 60 }, (_, n) => ({ reference: `IMP-${n}`, title: fill(150), description: fill(2000), status: "open", statusNote: fill(1000) }) as unknown as Improvement);
const open = Array.from({ length: 60 }, (_, n) => ({ ...base, reference: `NC-${n}` }));
const views = (roomy: boolean) => [ncView(nc, roomy), ncListView(open, 12, roomy), improvementsView(improvements, "Logged as IMP-0001.", roomy)];
const forms = () => [raiseForm("f", { source: "INC-0001", description: fill(5000), reaction: fill(5000) }), analysisForm(base), actionForm(base), checkForm(base), improvementForm("f", "NC-0001"), improvementStatusForm(improvements[0]!)];

describe("the nonconformity views and forms at their largest", () => {
  it("fit a Slack modal", () => {
    for (const view of views(true)) expect(viewProblems(blockKitModal(view)), view.id).toEqual([]);
    for (const form of forms()) expect(viewProblems(blockKitForm(form)), form.id).toEqual([]);
  });

  it("fit a Teams card", () => {
    for (const view of views(false)) expect(messageProblems(cardMessage(adaptiveCardOf(view), view.summary)).problems, view.id).toEqual([]);
    for (const form of forms()) expect(messageProblems(cardMessage(adaptiveCardForm(form, { title: fill(100) }, fill(100)), form.title)).problems, form.id).toEqual([]);
  });
});
