import { describe, expect, it } from "vitest";
import type { AiSystem } from "../../src/db/generated/client.js";
import { blockKitMessage, blockKitModal } from "../../src/channels/slack/conversation/block-kit-message.js";
import { blockKitForm } from "../../src/channels/slack/conversation/block-kit-form.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import type { CampaignWithVersion } from "../../src/features/policies/campaign-service.js";
import { campaignForm, publishForm } from "../../src/features/policies/conversation/policy-forms.js";
import { acceptedView, campaignsView, fullTextView, invitationView, policiesView, textParts } from "../../src/features/policies/conversation/policy-views.js";
import { POLICY_LIMITS } from "../../src/features/policies/policy-form.js";
import { loadTrainingModules } from "../../src/features/training/load-modules.js";
import type { VersionWithDocument } from "../../src/features/policies/policy-service.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { messageBlockProblems, viewProblems } from "../support/fake-slack/block-kit-limits.js";

const at = new Date("2027-03-01T10:00:00Z");
/** Text at its worst for Slack: every character escaped to several. */
const escaped = (length: number) => "&<>".repeat(Math.ceil(length / 3)).slice(0, length);
const version = (n: number): VersionWithDocument => ({
  id: n,
  documentId: n,
  version: 99,
  summary: escaped(POLICY_LIMITS.summary),
  body: escaped(POLICY_LIMITS.body),
  sha256: "a".repeat(64),
  publishedByChannel: "slack",
  publishedById: "U1",
  publishedVia: "chat",
  publishedAt: at,
  requiresAcknowledgement: true,
  controls: [],
  document: { id: n, title: `${"🧭".repeat(POLICY_LIMITS.title - 5)} ${n}`, createdAt: at },
});
const campaign = (n: number): CampaignWithVersion => ({
  id: n,
  versionId: n,
  moduleId: null,
  moduleVersion: null,
  moduleTitle: null,
  audience: "group",
  groupId: "g",
  role: null,
  systemId: null,
  audienceLabel: "🧭".repeat(100),
  newJoiners: true,
  deadline: at,
  startedByChannel: "slack",
  startedById: "U1",
  startedAt: at,
  plannedAt: at,
  closedAt: null,
  controls: [],
  version: version(n),
  subject: { kind: "document", title: version(n).document.title, version: 99 },
});
const documents = Array.from({ length: 150 }, (_, n) => version(n + 1));
const waiting = Array.from({ length: 10 }, (_, n) => ({ channel: "teams" as const, id: `aad-${n}`, name: "🧭".repeat(60) }));
const progress = Array.from({ length: 20 }, (_, n) => ({
  progress: { campaign: campaign(n + 1), recipients: 20_000, accepted: 1, overdue: 19_999, sent: 20_000, failed: 5, byChannel: [{ channel: "slack" as const, recipients: 10_000, accepted: 1 }, { channel: "teams" as const, recipients: 10_000, accepted: 0 }] },
  waiting,
}));
const teamsProblems = (message: Parameters<typeof adaptiveCardOf>[0]) => messageProblems(cardMessage(adaptiveCardOf(message), message.summary)).problems;
const payload = { type: "campaign" as const, campaignId: 1, versionId: 1, title: version(1).document.title, version: 99, summary: escaped(POLICY_LIMITS.summary), deadline: at.toISOString(), reminder: true };

describe("the policy views and forms at their largest", () => {
  it("cut a document into parts that fit a Slack section once escaped, keeping every character", () => {
    const parts = textParts(escaped(POLICY_LIMITS.body));
    expect(parts.join("")).toBe(escaped(POLICY_LIMITS.body));
    expect(Math.max(...parts.map((part) => part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").length))).toBeLessThanOrEqual(3000);
  });

  it("fit a Slack message and modal", () => {
    for (const message of [invitationView(payload), fullTextView(version(1), 1, true), acceptedView(version(1), { id: 1, versionId: 1, personId: "p", channel: "slack", externalId: "U1", campaignId: 1, sha256: "a".repeat(64), acknowledgedAt: at, controls: [] })]) {
      expect(messageBlockProblems(blockKitMessage(message).blocks), message.title).toEqual([]);
    }
    expect(viewProblems(blockKitModal(campaignsView(progress, at, true)))).toEqual([]);
    expect(viewProblems(blockKitModal(policiesView([{ campaign: campaign(1), version: version(1) }], documents)))).toEqual([]);
    const groups = Array.from({ length: 200 }, (_, n) => ({ id: `g${n}`, channel: "slack" as const, externalId: `S${n}`, name: "🧭".repeat(100), syncedAt: null, syncError: null, syncLeaseHolder: null, syncLeaseUntil: null, syncRequests: 0, createdAt: at }));
    expect(viewProblems(blockKitForm(publishForm(), "V1"))).toEqual([]);
    // Only the fields the form reads matter here: the picker shows each system's name and reference.
    const systems = Array.from({ length: 200 }, (_, n) => ({ id: n + 1, reference: `AI-${String(n + 1).padStart(4, "0")}`, name: "🧭".repeat(200) }) as AiSystem);
    const choices = { documents, modules: loadTrainingModules(), groups, systems };
    expect(viewProblems(blockKitForm(campaignForm(choices), "V1"))).toEqual([]);
    expect(messageProblems(cardMessage(adaptiveCardForm(campaignForm(choices), {}, undefined, "Europe/London"), "Start")).problems).toEqual([]);
  });

  it("fit a Teams card", () => {
    expect(teamsProblems(invitationView(payload))).toEqual([]);
    expect(teamsProblems(fullTextView(version(1), 1, false))).toEqual([]);
    expect(JSON.stringify(fullTextView(version(1), 1, false))).toContain("too long for this card");
    expect(teamsProblems(campaignsView(progress, at, false))).toEqual([]);
    expect(teamsProblems(policiesView([{ campaign: campaign(1), version: version(1) }], documents))).toEqual([]);
  });
});
