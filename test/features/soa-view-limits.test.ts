import { describe, expect, it } from "vitest";
import { blockKitModal } from "../../src/channels/slack/conversation/block-kit-message.js";
import { blockKitForm } from "../../src/channels/slack/conversation/block-kit-form.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import type { Message } from "../../src/conversation/message.js";
import { soaEntryForm } from "../../src/features/soa/conversation/soa-forms.js";
import { soaOverviewView, soaSectionView, soaStatementView } from "../../src/features/soa/conversation/soa-views.js";
import { ANNEX_A_CONTROLS, CLAUSES, ANNEX_A_GROUPS } from "../../src/core/iso42001/controls.js";
import { SOA_TEXT_LIMITS } from "../../src/features/soa/soa-entry-form.js";
import type { SoaLine, SoaStatement } from "../../src/features/soa/statement.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { viewProblems } from "../support/fake-slack/block-kit-limits.js";

/** Every field at its limit, in four-byte characters: the largest SoA an owner can type. */
const fill = (length: number) => "🧭".repeat(length);
const worstLine = (control: (typeof ANNEX_A_CONTROLS)[number]): SoaLine => ({
  controlId: control.id,
  control,
  applicable: false,
  justification: fill(SOA_TEXT_LIMITS.justification),
  implementation: fill(SOA_TEXT_LIMITS.implementation),
  owner: fill(SOA_TEXT_LIMITS.owner),
  proposed: false,
  version: 99,
  updatedAt: new Date(),
  updatedBy: { channel: "teams", id: "someone" },
  evidenceCount: 100_000,
});
const statement: SoaStatement = {
  profile: { roles: ["ai_user", "ai_provider", "ai_producer"], version: 9, updatedAt: new Date(), updatedBy: { channel: "teams", id: "x" } },
  lines: ANNEX_A_CONTROLS.map(worstLine),
  clauses: CLAUSES.map(({ id, topic }) => ({ id, topic, evidenceCount: 100_000 })),
};
const problemsOf = (card: Parameters<typeof cardMessage>[0]) => messageProblems(cardMessage(card, "SoA")).problems;
const notice = { text: fill(200), warning: true };

describe("the SoA's views at their largest", () => {
  it("fit Teams' message limit: the overview, every section and the edit form", () => {
    expect(problemsOf(adaptiveCardOf(soaOverviewView(statement, { canEdit: true, notice })))).toEqual([]);
    for (const { id } of ANNEX_A_GROUPS) {
      const view = soaSectionView(statement, id, { canEdit: true, notice });
      expect(view, id).not.toBeNull();
      expect(problemsOf(adaptiveCardOf(view as Message)), id).toEqual([]);
    }
    const line = statement.lines[0];
    expect(problemsOf(adaptiveCardForm(soaEntryForm(line.controlId, line.version, line), { justification: fill(100) }, fill(100)))).toEqual([]);
  });

  it("fit one Slack modal: the whole statement, and the edit form", () => {
    expect(viewProblems(blockKitModal(soaStatementView(statement, { canEdit: true, notice })))).toEqual([]);
    // zod counts UTF-16 units, as Slack does: the longest text it accepts is the limit in plain letters.
    const line = { ...statement.lines[0], justification: "j".repeat(SOA_TEXT_LIMITS.justification), implementation: "i".repeat(SOA_TEXT_LIMITS.implementation) };
    expect(viewProblems(blockKitForm(soaEntryForm(line.controlId, line.version, line), "V1"))).toEqual([]);
  });
});
