import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { VENDOR_IDS } from "../../../../src/features/vendors/conversation/vendor-ids.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import type { TeamsPerson } from "../../../support/teams-activities.js";
import { button, buttonsOf, type Card, cardIn, cardText, clickForCard, clickForMessage, expectCardResponse } from "../teams-steps.js";
import { allActions, cardsAbout, clickCard, sayHello, TEAMS_AIMS_OWNER, TEAMS_COLLEAGUE, TEAMS_REVIEW_OWNER, TEAMS_SCHEDULING_ENV, tick } from "../scheduling/teams-scheduling-steps.js";

const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
const OWNER = TEAMS_AIMS_OWNER;
const VENDOR_OWNER = TEAMS_REVIEW_OWNER;
const ids = VENDOR_IDS;

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock, teams: true, slack: false, env: TEAMS_SCHEDULING_ENV });
  for (const who of [OWNER, VENDOR_OWNER, TEAMS_COLLEAGUE]) await sayHello(t, who);
});
afterAll(async () => {
  await t?.stop();
});

const ask = async (who: TeamsPerson, text: string) => (await t.teams.ask(who, text)).reply;
const answers = (retention: string) => ({
  trains_on_our_data: "opt_out",
  retention,
  data_location: "EU",
  subprocessors: "https://acme.example.com/subprocessors",
  certifications: "iso42001,iso27001",
  dpa: "yes",
  model_change_notice: "changelog",
  notes: "",
});
/** The questionnaire cards the vendor's owner got in their personal chat. */
const questionnaireCards = () => cardsAbout(t, VENDOR_OWNER, "VEN-0001").filter((card) => buttonsOf(card).some((action) => action.verb === ids.actions.answersForm) && cardText(card).includes("Please answer"));

describe("vendor due diligence in Teams (ISO 42001 A.10.2, A.10.3)", () => {
  let detail: Card;

  it("lets AIMS owners add a vendor from the card, linking the register entries that name it", async () => {
    await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0001", ownerChannel: "teams", ownerId: TEAMS_COLLEAGUE.aadObjectId, name: "Acme Writer", vendor: "ACME" });
    expect(String((await ask(TEAMS_COLLEAGUE, "vendors add")).body.text)).toBe("Only AIMS owners can add vendors, set their owner or send the questionnaire.");
    const list = cardIn(await ask(OWNER, "vendors"));
    expect(cardText(list)).toContain("No vendor is recorded yet.");
    const form = await clickForCard(t, OWNER, button(list, ids.actions.addForm));
    const invalid = await clickForCard(t, OWNER, button(form, ids.views.add), { name: "A", domains: "", ownerId: VENDOR_OWNER.aadObjectId });
    expect(cardText(invalid)).toContain("Give the vendor's name");
    detail = await clickForCard(t, OWNER, button(invalid, ids.views.add), { name: "Acme", domains: "acme.com", ownerId: VENDOR_OWNER.aadObjectId });
    expect(cardText(detail)).toContain("VEN-0001 is added.");
    expect(cardText(detail)).toContain("Riley Reviewer");
    expect(cardText(detail)).toContain("SYS-0001 Acme Writer");
    expect(cardText((await ask(TEAMS_COLLEAGUE, "register")).body)).toContain("vendor VEN-0001: ⚪ not reviewed");
  });

  it("sends the questionnaire to the owner's personal chat; the owner answers it and records the outcome", async () => {
    const sent = await clickForCard(t, OWNER, button(detail, ids.actions.send));
    expect(cardText(sent)).toContain("The questionnaire is sent to Riley Reviewer.");
    const [request] = await eventually(() => {
      const cards = questionnaireCards();
      expect(cards).toHaveLength(1);
      return cards;
    });

    expect(await clickForMessage(t, TEAMS_COLLEAGUE, button(request!, ids.actions.answersForm))).toBe("Only the internal owner of Acme or an AIMS owner can do that.");
    const form = await clickForCard(t, VENDOR_OWNER, button(request!, ids.actions.answersForm));
    const missing = await clickForCard(t, VENDOR_OWNER, button(form, ids.views.answers), { ...answers(""), dpa: "" });
    expect(cardText(missing)).toContain("Answer this question");
    const saved = await clickForCard(t, VENDOR_OWNER, button(missing, ids.views.answers), answers("30 days"));
    expect(cardText(saved)).toContain("Answers saved as version 1.");
    expect(cardText(saved)).toContain("ISO/IEC 42001, ISO/IEC 27001");

    const outcome = await clickForCard(t, VENDOR_OWNER, button(saved, ids.actions.outcomeForm));
    const recorded = await clickForCard(t, VENDOR_OWNER, button(outcome, ids.views.outcome), { outcome: "acceptable", note: "" });
    expect(cardText(recorded)).toContain("Outcome recorded: Acceptable. The next review is due on 2028-02-01.");
    expect(await t.aims.core.prisma.vendor.findUniqueOrThrow({ where: { reference: "VEN-0001" } })).toMatchObject({ status: "acceptable", ownerChannel: "teams", ownerId: VENDOR_OWNER.aadObjectId });
    expect(cardText((await ask(TEAMS_COLLEAGUE, "register")).body)).toContain("vendor VEN-0001: ✅ reviewed: acceptable");
    expect(cardText(cardIn(await ask(TEAMS_COLLEAGUE, "vendors")))).toContain("**Acme** (VEN-0001) · ✅ reviewed: acceptable");
  });

  it("reminds the owner a year later; Mark done sends the questionnaire again", async () => {
    clock.set(new Date("2028-02-01T10:00:00Z"));
    expect(cardText(cardIn(await ask(TEAMS_COLLEAGUE, "vendors acme")))).toContain("review overdue");
    await tick(t);
    const reminder = cardsAbout(t, VENDOR_OWNER, "VEN-0001").find((card) => cardText(card).includes("Yearly review of vendor Acme"));
    expect(reminder, "yearly review reminder").toBeDefined();
    expect(allActions(reminder! as never).map((action) => action.title)).toContain("Mark done");
    const done = await clickCard(t, VENDOR_OWNER, reminder!, "due.done", { note: "Yearly review started", link: "" });
    expect(cardText(expectCardResponse(done.body))).toContain("Marked done");
    expect(await t.aims.core.prisma.vendor.findUniqueOrThrow({ where: { reference: "VEN-0001" } })).toMatchObject({ status: "review_sent", questionnaireSentAt: clock.now() });
    await eventually(() => expect(questionnaireCards()).toHaveLength(2));

    // What the bot holds about the vendor's owner names the vendor they own.
    const me = cardText(cardIn(await ask(VENDOR_OWNER, "me")));
    expect(me).toContain("AI vendors you own");
    expect(me).toContain("VEN-0001 Acme (review sent, next review 2028-02-01)");

    const trail = await t.aims.core.prisma.auditEvent.findMany({ where: { entityType: { in: ["vendor", "vendor_review"] } }, orderBy: { id: "asc" } });
    expect(trail.map((event) => [event.action, event.actorChannel, event.actorId])).toEqual([
      ["vendor.added", "teams", OWNER.aadObjectId],
      ["vendor.questionnaire_sent", "teams", OWNER.aadObjectId],
      ["vendor_review.answered", "teams", VENDOR_OWNER.aadObjectId],
      ["vendor_review.decided", "teams", VENDOR_OWNER.aadObjectId],
      ["vendor.outcome_recorded", "teams", VENDOR_OWNER.aadObjectId],
      ["vendor.questionnaire_sent", "teams", VENDOR_OWNER.aadObjectId],
    ]);
  });
});
