import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { TEAMS_EMPLOYEE } from "../../../support/teams-activities.js";
import { TEAMS_OWNERS, TEAMS_OWNERS_ENV } from "../assessments/teams-assessment-steps.js";
import { button, buttonsOf, cardIn, cardText, click, clickForCard, clickForMessage, expectCardResponse, inputsOf, type Card } from "../teams-steps.js";

const OWNER = TEAMS_OWNERS[0];
let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false, env: { TEAMS_OWNERS: TEAMS_OWNERS_ENV } });
});
afterAll(async () => {
  await t?.stop();
});

const ask = async (who: typeof OWNER, text: string) => (await t.teams.ask(who, text)).reply;
const sectionButtons = (card: Card) => buttonsOf(card).filter((action) => action.verb === "soa.section");
const inputValue = (card: Card, id: string) => inputsOf(card).find((input) => input.id === id)?.value;

describe("the Statement of Applicability in Teams", () => {
  it("before setup, tells staff it is not set up and asks the AIMS owner for the organisation's roles", async () => {
    expect(String((await ask(TEAMS_EMPLOYEE, "soa")).body.text)).toContain("has not set up the Statement of Applicability");

    const form = cardIn(await ask(OWNER, "soa"));
    expect(cardText(form)).toContain("Organisation roles");
    const none = await clickForCard(t, OWNER, button(form, "soa.roles.save"), { roles: "" });
    expect(cardText(none)).toContain("Choose at least one of: AI user, AI provider, AI producer");
    expect(await t.aims.core.prisma.soaEntry.count()).toBe(0);

    const overview = await clickForCard(t, OWNER, button(none, "soa.roles.save"), { roles: "ai_user" });
    expect(cardText(overview)).toContain("**Organisation roles:** AI user.");
    expect(sectionButtons(overview).map((action) => action.data.section)).toEqual(["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"]);
    expect(cardText(overview)).toContain("🚫 A.6.2.3");
    expect(await t.aims.core.prisma.soaEntry.count()).toBe(38);
  });

  it("shows staff the whole SoA and each section, read-only, and refuses their edits on the server", async () => {
    const overview = cardIn(await ask(TEAMS_EMPLOYEE, "soa"));
    expect(buttonsOf(overview).some((action) => action.verb === "soa.roles.edit")).toBe(false);
    const section = await clickForCard(t, TEAMS_EMPLOYEE, sectionButtons(overview).find((action) => action.data.section === "A.6")!);
    expect(cardText(section)).toContain("A.6.2.3");
    expect(cardText(section)).toContain("Not applicable");
    expect(buttonsOf(section).some((action) => action.verb === "soa.entry.edit")).toBe(false);

    const forged = { type: "Action.Execute", title: "Save", verb: "soa.entry.save", data: { controlId: "A.6.2.3", version: 1 } };
    expect(await clickForMessage(t, TEAMS_EMPLOYEE, forged, { applicable: "yes", justification: "We do now" })).toContain("Only the AIMS owner");
    expect(await clickForMessage(t, TEAMS_EMPLOYEE, { ...forged, verb: "soa.roles.save" }, { roles: "ai_producer" })).toContain("Only the AIMS owner");
    expect(await t.aims.core.prisma.soaEntry.findUniqueOrThrow({ where: { controlId: "A.6.2.3" } })).toMatchObject({ applicable: false, version: 1 });
    expect((await t.aims.core.soa.profile())!.roles).toEqual(["ai_user"]);
  });

  let staleForm: Card;

  it("lets the AIMS owner edit a line: a justification is required to exclude it, typed text is kept, the change is versioned", async () => {
    const overview = cardIn(await ask(OWNER, "soa"));
    const section = await clickForCard(t, OWNER, sectionButtons(overview).find((action) => action.data.section === "A.6")!);
    const edit = buttonsOf(section).find((action) => action.verb === "soa.entry.edit" && action.data.controlId === "A.6.2.2")!;
    const form = await clickForCard(t, OWNER, edit);
    staleForm = form;
    expect(inputValue(form, "applicable")).toBe("no");
    expect(String(inputValue(form, "justification"))).toContain("We do not");

    const typed = { applicable: "no", justification: "   ", implementation: "Tracked in the register", owner: "Head of Engineering" };
    const invalid = await clickForCard(t, OWNER, button(form, "soa.entry.save"), typed);
    expect(cardText(invalid)).toContain("Explain why this control is not applicable");
    expect(inputValue(invalid, "owner")).toBe("Head of Engineering");
    expect(inputValue(invalid, "applicable")).toBe("no");
    expect(await t.aims.core.prisma.soaEntry.findUniqueOrThrow({ where: { controlId: "A.6.2.2" } })).toMatchObject({ version: 1, proposed: true });

    const saved = await clickForCard(t, OWNER, button(invalid, "soa.entry.save"), { ...typed, justification: "We buy every AI system; suppliers specify requirements." });
    expect(cardText(saved)).toContain("Saved A.6.2.2 (version 2).");
    expect(cardText(saved)).toContain("We buy every AI system");
    expect(await t.aims.core.prisma.soaEntry.findUniqueOrThrow({ where: { controlId: "A.6.2.2" } })).toMatchObject({
      applicable: false,
      proposed: false,
      version: 2,
      owner: "Head of Engineering",
      updatedByChannel: "teams",
      updatedById: OWNER.aadObjectId,
    });
    expect(await t.aims.core.soa.history("A.6.2.2")).toHaveLength(2);
    expect(await t.aims.core.prisma.auditEvent.count({ where: { entityType: "soa_entry", entityId: "A.6.2.2", actorId: OWNER.aadObjectId } })).toBe(1);
  });

  it("refuses a save made on a stale version and keeps what was typed", async () => {
    const again = await clickForCard(t, OWNER, button(staleForm, "soa.entry.save"), { applicable: "yes", justification: "", implementation: "Old view", owner: "" });
    expect(cardText(again)).toContain("was changed by someone else while you were editing it");
    expect(inputValue(again, "implementation")).toBe("Old view");
    expect(await t.aims.core.prisma.soaEntry.findUniqueOrThrow({ where: { controlId: "A.6.2.2" } })).toMatchObject({ applicable: false, version: 2 });
  });

  it("changes the organisation's roles and names the reviewed lines the new proposal disagrees with", async () => {
    const overview = cardIn(await ask(OWNER, "soa"));
    const roles = await clickForCard(t, OWNER, button(overview, "soa.roles.edit"));
    expect(inputValue(roles, "roles")).toBe("ai_user");
    const changed = await clickForCard(t, OWNER, button(roles, "soa.roles.save"), { roles: "ai_user,ai_producer" });
    expect(cardText(changed)).toContain("AI user, AI producer");
    expect(cardText(changed)).toContain("differs on lines you already reviewed: **A.6.2.2**");
    expect(await t.aims.core.prisma.soaEntry.findUniqueOrThrow({ where: { controlId: "A.6.2.3" } })).toMatchObject({ applicable: true, proposed: true });
  });

  it("tells the owner when the database is down and keeps the edit they typed", async () => {
    const overview = cardIn(await ask(OWNER, "soa"));
    const section = await clickForCard(t, OWNER, sectionButtons(overview).find((action) => action.data.section === "A.2")!);
    const form = await clickForCard(t, OWNER, button(section, "soa.entry.edit"));
    t.databaseLink.cut();
    try {
      const { body } = await click(t, OWNER, button(form, "soa.entry.save"), { applicable: "yes", justification: "", implementation: "Policy on the intranet", owner: "CISO" });
      const card = expectCardResponse(body);
      expect(cardText(card)).toContain("database");
      expect(inputValue(card, "implementation")).toBe("Policy on the intranet");
    } finally {
      t.databaseLink.restore();
    }
  });
});
