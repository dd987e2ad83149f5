import { describe, expect, it } from "vitest";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { soaOverviewCard, soaSectionCard } from "../../src/channels/teams/soa/soa-cards.js";
import { soaEntryFormCard } from "../../src/channels/teams/soa/soa-forms.js";
import { ANNEX_A_CONTROLS, ANNEX_A_GROUPS } from "../../src/core/iso42001/controls.js";
import { SOA_TEXT_LIMITS } from "../../src/features/soa/soa-entry-form.js";
import type { SoaLine, SoaStatement } from "../../src/features/soa/statement.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";

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
};
const problemsOf = (card: Parameters<typeof cardMessage>[0]) => messageProblems(cardMessage(card, "SoA")).problems;

describe("Teams SoA cards at their largest", () => {
  it("fit Teams' message limit: the overview, every section and the edit form", () => {
    const notice = { text: fill(200), warning: true };
    expect(problemsOf(soaOverviewCard(statement, { canEdit: true, notice }))).toEqual([]);
    for (const { id } of ANNEX_A_GROUPS) {
      const card = soaSectionCard(statement, id, { canEdit: true, notice });
      expect(card, id).not.toBeNull();
      expect(problemsOf(card!), id).toEqual([]);
    }
    const line = statement.lines[0];
    expect(problemsOf(soaEntryFormCard(line, { ...line, implementation: line.implementation!, owner: line.owner! }, { justification: fill(100) }, fill(100)))).toEqual([]);
  });
});
