import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { AUDIT_IDS } from "../../../../src/features/internal-audits/conversation/internal-audit-ids.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { TEAMS_EMPLOYEE, TEAMS_OTHER } from "../../../support/teams-activities.js";
import { TEAMS_OWNERS, TEAMS_OWNERS_ENV } from "../assessments/teams-assessment-steps.js";
import { button, buttonsOf, cardIn, cardText, clickForCard, clickForMessage, type Card } from "../teams-steps.js";

const clock = fixedClock(new Date("2027-02-01T10:00:00Z"));
const OWNER = TEAMS_OWNERS[0];
const AUDITOR = TEAMS_OTHER;
const ids = AUDIT_IDS;
/** Eleven items: more than a card shows whole, so the checklist comes by group. */
const SCOPE = ["9.2", "A.2.2", "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8"];

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false, clock, env: { TEAMS_OWNERS: TEAMS_OWNERS_ENV, TEAMS_MANAGERS: TEAMS_EMPLOYEE.aadObjectId } });
});
afterAll(async () => {
  await t?.stop();
});

const ask = async (who: typeof OWNER, text: string) => (await t.teams.ask(who, text)).reply;
const plan = (auditorId: string, scope: string[]) => ({
  title: "Annual audit of the AI life cycle",
  auditorId,
  scope: scope.join(","),
  plannedStart: "2027-02-03",
  plannedEnd: "2027-02-05",
});
const groupButton = (card: Card, group: string) => buttonsOf(card).find((action) => action.verb === ids.actions.open && action.data.group === group)!;
const findingButton = (card: Card, item: string) => buttonsOf(card).find((action) => action.verb === ids.actions.findingForm && action.data.item === item)!;

describe("internal audits in Teams (ISO 42001 9.2)", () => {
  it("plans an audit from the card: only AIMS owners, and an owner cannot audit the management-system clauses", async () => {
    expect(String((await ask(TEAMS_EMPLOYEE, "audit plan")).body.text)).toBe("Only AIMS owners can plan internal audits.");
    const programme = cardIn(await ask(OWNER, "audit"));
    expect(cardText(programme)).toContain("No internal audit is planned yet.");
    const form = await clickForCard(t, OWNER, button(programme, ids.actions.planForm));
    expect(cardText(form)).toContain("Plan an internal audit");

    const own = await clickForCard(t, OWNER, button(form, ids.views.plan), plan(OWNER.aadObjectId, ["5.2", "A.2.2"]));
    expect(cardText(own)).toContain("cannot audit its clauses (5.2)");
    expect(await t.aims.core.prisma.internalAudit.count()).toBe(0);

    const overview = await clickForCard(t, OWNER, button(own, ids.views.plan), plan(AUDITOR.aadObjectId, SCOPE));
    expect(cardText(overview)).toContain("AUD-0001 is planned");
    expect(buttonsOf(overview).filter((action) => action.verb === ids.actions.open).map((action) => action.data.group)).toEqual(["9", "A.2", "A.6"]);
    expect(await t.aims.core.prisma.internalAudit.findUniqueOrThrow({ where: { reference: "AUD-0001" } })).toMatchObject({
      auditorChannel: "teams",
      auditorId: AUDITOR.aadObjectId,
      scope: SCOPE,
      status: "planned",
    });
  });

  it("lets the auditor start it, record findings group by group, and report it once every item has a finding", async () => {
    const planned = cardIn(await ask(AUDITOR, "audit AUD-0001"));
    expect(await clickForMessage(t, TEAMS_EMPLOYEE, button(planned, ids.actions.start))).toBe("Only the auditor of AUD-0001 can do that.");
    const started = await clickForCard(t, AUDITOR, button(planned, ids.actions.start));
    expect(cardText(started)).toContain("AUD-0001 is in progress");
    const digest = cardText((await ask(TEAMS_EMPLOYEE, "digest preview")).body);
    expect(digest).toContain("Internal audits");
    expect(digest).toContain("Audits in progress (AUD-0001)");

    const group = await clickForCard(t, AUDITOR, groupButton(started, "A.6"));
    expect(buttonsOf(group).filter((action) => action.verb === ids.actions.findingForm)).toHaveLength(9);
    expect(await clickForMessage(t, TEAMS_EMPLOYEE, findingButton(group, "A.6.2.4"))).toBe("Only the auditor of AUD-0001 can do that.");
    const form = await clickForCard(t, AUDITOR, findingButton(group, "A.6.2.4"));
    const missing = await clickForCard(t, AUDITOR, button(form, ids.views.finding), { kind: "", note: "" });
    expect(cardText(missing)).toContain("Choose what you found");
    const recorded = await clickForCard(t, AUDITOR, button(missing, ids.views.finding), {
      kind: "major_nc",
      note: "No validation before release of the scoring model",
      evidenceLinks: "https://tickets.example.com/REL-42",
    });
    expect(cardText(recorded)).toContain("Finding on A.6.2.4 recorded.");
    expect(cardText(recorded)).toContain("Major nonconformity");
    expect(cardText(recorded)).toContain("https://tickets.example.com/REL-42");

    expect(await clickForMessage(t, AUDITOR, button(recorded, ids.actions.report))).toContain("cannot be reported yet: record a finding on 9.2, A.2.2, A.6.1.2");
    for (const item of SCOPE.filter((id) => id !== "A.6.2.4")) {
      const saved = await t.aims.core.internalAudits.recordFinding({ channel: "teams", id: AUDITOR.aadObjectId }, "AUD-0001", item, { kind: "conforming", note: `Checked ${item}` });
      expect(saved.kind).toBe("recorded");
    }
    const reported = await clickForCard(t, AUDITOR, button(recorded, ids.actions.report));
    expect(cardText(reported)).toContain("AUD-0001 is reported");
    expect(buttonsOf(reported).some((action) => action.verb === ids.actions.findingForm || action.verb === ids.actions.report)).toBe(false);

    const { prisma } = t.aims.core;
    expect(await prisma.auditFinding.findFirstOrThrow({ where: { item: "A.6.2.4" } })).toMatchObject({
      kind: "major_nc",
      evidenceLinks: ["https://tickets.example.com/REL-42"],
      recordedByChannel: "teams",
      recordedById: AUDITOR.aadObjectId,
    });
    const trail = await prisma.auditEvent.findMany({ where: { entityType: "internal_audit" }, orderBy: { id: "asc" } });
    expect(trail.map((event) => [event.action, event.actorChannel, event.actorId])).toEqual([
      ["internal_audit.planned", "teams", OWNER.aadObjectId],
      ["internal_audit.started", "teams", AUDITOR.aadObjectId],
      ["internal_audit.reported", "teams", AUDITOR.aadObjectId],
    ]);

    // The major nonconformity raised one in the nonconformity log (10.2), owned by the AIMS owner who planned the audit.
    await expect.poll(() => prisma.nonconformity.count(), { timeout: 20_000 }).toBe(1);
    expect(await prisma.nonconformity.findFirstOrThrow()).toMatchObject({ sourceKind: "audit_finding", sourceRef: "AUD-0001/A.6.2.4", raisedById: AUDITOR.aadObjectId, ownerId: OWNER.aadObjectId });
    const ncs = cardText(cardIn(await ask(OWNER, "nc")));
    expect(ncs).toContain("NC-0001");
    expect(ncs).toContain("raised from Internal audit finding AUD-0001/A.6.2.4");

    const programme = cardIn(await ask(TEAMS_EMPLOYEE, "audit"));
    expect(cardText(programme)).toContain("**AUD-0001** Annual audit of the AI life cycle · Reported");
    expect(cardText(programme)).toContain("11 of 11 item(s) with a finding");
  });
});
