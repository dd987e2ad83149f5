import { describe, expect, it } from "vitest";
import { blockKitModal } from "../../src/channels/slack/conversation/block-kit-message.js";
import { blockKitForm } from "../../src/channels/slack/conversation/block-kit-form.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import { AIMS_ROLES } from "../../src/core/roles.js";
import { bindForm, grantForm, linkForm, revokeForm, unlinkForm } from "../../src/features/organisation/conversation/roles-forms.js";
import { rolesView } from "../../src/features/organisation/conversation/roles-views.js";
import { MAX_CHOICES } from "../../src/features/organisation/known-accounts.js";
import type { AccountLabel, Holding, RoleNow } from "../../src/features/organisation/roles-now.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { viewProblems } from "../support/fake-slack/block-kit-limits.js";

/** Four-byte characters: the largest text a person can type. */
const fill = (length: number) => "🧭".repeat(length);
const account = (n: number): AccountLabel => ({ channel: n % 2 ? "slack" : "teams", id: `ID-${n}-${"x".repeat(30)}`, name: fill(40), deactivated: false });
const since = new Date("2027-03-01T00:00:00Z");
const direct = (n: number): Holding => ({ source: "direct", grantId: `g-${n}`, from: since, until: since, reason: fill(500), grantedBy: account(n + 1), accounts: [account(n), account(n + 1)] });
const group = (n: number): Holding => ({
  source: "group",
  grantId: `b-${n}`,
  from: since,
  reason: fill(500),
  grantedBy: account(n),
  group: { name: fill(80), channel: "slack", syncedAt: since },
  members: Array.from({ length: 500 }, (_, index) => account(index)),
});
/** Every role held by 60 people and bound to 5 groups of 500 members, every text at its longest. */
const roles: RoleNow[] = AIMS_ROLES.map((role) => ({ role, holdings: [...Array.from({ length: 60 }, (_, n) => direct(n)), ...Array.from({ length: 5 }, (_, n) => group(n))].map((holding) => ({ ...holding, grantId: `${role}-${holding.grantId}` })) }));
const notice = fill(200);
const choices = Array.from({ length: MAX_CHOICES }, (_, n) => account(n));
const groups = Array.from({ length: 2 * MAX_CHOICES }, (_, n) => ({ channel: "slack" as const, externalId: `S${n}`, name: fill(100) }));
const problemsOf = (card: Parameters<typeof cardMessage>[0]) => messageProblems(cardMessage(card, "Roles")).problems;

describe("the roles views and forms at their largest", () => {
  it("fit a Teams card, saying how many entries do not fit", () => {
    const view = rolesView(roles, { canChange: true, notice, roomy: false });
    expect(problemsOf(adaptiveCardOf(view))).toEqual([]);
    expect(JSON.stringify(view)).toContain("more entries do not fit in this view");
    const errors = { reason: fill(100) };
    for (const form of [grantForm(), bindForm("teams", groups), linkForm("teams", choices), unlinkForm([choices]), revokeForm({ grant: "g-1", what: fill(200), group: 0 })]) {
      expect(problemsOf(adaptiveCardForm(form, errors, fill(100))), form.id).toEqual([]);
    }
  });

  it("fit one Slack modal, and each form's modal", () => {
    expect(viewProblems(blockKitModal(rolesView(roles, { canChange: true, notice, roomy: true })))).toEqual([]);
    for (const form of [grantForm(), bindForm("slack", groups), linkForm("slack", choices), unlinkForm([choices]), revokeForm({ grant: "g-1", what: fill(200), group: 1 })]) {
      expect(viewProblems(blockKitForm(form, "V1")), form.id).toEqual([]);
    }
  });
});
