import { describe, expect, it } from "vitest";
import { blockKitForm } from "../../src/channels/slack/conversation/block-kit-form.js";
import { blockKitModal } from "../../src/channels/slack/conversation/block-kit-message.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import type { Message } from "../../src/conversation/message.js";
import type { AuditFinding, InternalAudit } from "../../src/db/generated/client.js";
import { SCOPE_GROUPS, SCOPE_ITEMS } from "../../src/features/internal-audits/audit-scope.js";
import { findingForm, planForm } from "../../src/features/internal-audits/conversation/internal-audit-forms.js";
import { checklistFor, checklistGroupView, checklistOverview, checklistView, PROGRAMME_SHOWN, programmeView } from "../../src/features/internal-audits/conversation/internal-audit-views.js";
import { AUDIT_LIMITS } from "../../src/features/internal-audits/internal-audit-form.js";
import type { AuditWithFindings, ChecklistItem } from "../../src/features/internal-audits/internal-audit-service.js";
import { EVIDENCE_SOURCES } from "../../src/features/evidence/sources/index.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { viewProblems } from "../support/fake-slack/block-kit-limits.js";

/** Every text at its limit, in four-byte characters: the largest audit a person can type. */
const fill = (length: number) => "🧭".repeat(length);
const now = new Date("2027-02-01T09:00:00.000Z");

const audit = (reference: string, status: InternalAudit["status"]): InternalAudit => ({
  id: 1,
  reference,
  title: fill(AUDIT_LIMITS.title),
  scope: SCOPE_ITEMS.map((item) => item.id),
  auditorChannel: "teams",
  auditorId: "00000000-0000-4000-8000-000000000001",
  auditorName: fill(100),
  plannedStart: now,
  plannedEnd: now,
  status,
  plannedByChannel: "slack",
  plannedById: "UOWNER1",
  startedAt: now,
  reportedAt: null,
  controls: ["9.2"],
  createdAt: now,
  updatedAt: now,
});

const finding = (item: string, index: number): AuditFinding => ({
  id: index,
  auditId: 1,
  item,
  kind: "major_nc",
  note: fill(AUDIT_LIMITS.note),
  // As many links as the form takes, as long as its text allows in all.
  evidenceLinks: Array.from({ length: AUDIT_LIMITS.links }, (_, n) => `https://example.com/${"p".repeat(AUDIT_LIMITS.linksText / AUDIT_LIMITS.links - 30)}/${n}`),
  recordedByChannel: "teams",
  recordedById: "x",
  recordedAt: now,
  controls: ["9.2"],
});

/** The largest checklist: every clause and control in scope, every kind of evidence held for each, every finding at its longest. */
const largest: AuditWithFindings = { ...audit("AUD-9999", "in_progress"), findings: SCOPE_ITEMS.map((item, index) => finding(item.id, index)) };
const checklist: ChecklistItem[] = SCOPE_ITEMS.map((item, index) => ({
  item,
  evidence: EVIDENCE_SOURCES.map((source) => ({ title: source.title, count: 1_000_000 })),
  finding: largest.findings[index]!,
}));

const problemsOf = (card: Parameters<typeof cardMessage>[0]) => messageProblems(cardMessage(card, "Audit")).problems;

describe("the internal audit views at their largest", () => {
  it("fit one Slack modal: the whole checklist of every clause and control, the programme and both forms", () => {
    expect(checklist.length).toBeGreaterThan(50);
    expect(viewProblems(blockKitModal(checklistView(largest, checklist, fill(200))))).toEqual([]);
    const audits = Array.from({ length: PROGRAMME_SHOWN + 40 }, (_, n) => ({ ...audit(`AUD-${n}`, "reported"), findingCount: 58 }));
    expect(viewProblems(blockKitModal(programmeView(audits, { canPlan: true, notice: fill(200) })))).toEqual([]);
    expect(viewProblems(blockKitForm(planForm(now), "V1"))).toEqual([]);
    // zod counts UTF-16 units, as Slack does: the longest note it accepts is the limit in plain letters.
    const plain = { ...checklist[0]!, finding: { ...checklist[0]!.finding!, note: "n".repeat(AUDIT_LIMITS.note) } };
    expect(plain.finding.evidenceLinks.join("\n").length).toBeLessThanOrEqual(AUDIT_LIMITS.linksText);
    expect(viewProblems(blockKitForm(findingForm(largest, plain), "V2"))).toEqual([]);
  });

  it("fit Teams' message limit: the checklist by group, each group, the programme and both forms", () => {
    const overview = checklistFor(false, largest, checklist, { notice: fill(200) });
    expect(overview.blocks.some((block) => block.kind === "section" && block.id === "audit-group:A.6")).toBe(true);
    expect(problemsOf(adaptiveCardOf(checklistOverview(largest, checklist, fill(200))))).toEqual([]);
    for (const group of SCOPE_GROUPS) {
      const view = checklistGroupView(largest, checklist, group.id, fill(200));
      expect(view, group.id).not.toBeNull();
      expect(problemsOf(adaptiveCardOf(view as Message)), group.id).toEqual([]);
    }
    const audits = Array.from({ length: PROGRAMME_SHOWN + 40 }, (_, n) => ({ ...audit(`AUD-${n}`, "planned"), findingCount: 0 }));
    expect(problemsOf(adaptiveCardOf(programmeView(audits, { canPlan: true, notice: fill(200) })))).toEqual([]);
    expect(problemsOf(adaptiveCardForm(planForm(now), { title: fill(AUDIT_LIMITS.title) }, fill(100)))).toEqual([]);
    expect(problemsOf(adaptiveCardForm(findingForm(largest, checklist[0]!), { note: fill(AUDIT_LIMITS.note) }, fill(100)))).toEqual([]);
  });

  it("shows a short checklist whole on a card", () => {
    const short = checklist.slice(0, 3);
    expect(checklistFor(false, { ...largest, scope: short.map((line) => line.item.id) }, short).blocks.filter((block) => block.kind === "section" && block.id?.startsWith("audit-item:"))).toHaveLength(3);
  });
});
