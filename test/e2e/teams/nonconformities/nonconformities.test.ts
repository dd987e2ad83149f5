import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { NC_IDS } from "../../../../src/features/nonconformities/conversation/nc-ids.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { VALID_INCIDENT } from "../../../support/incident-form-state.js";
import { TEAMS_EMPLOYEE, TEAMS_OTHER, type TeamsPerson } from "../../../support/teams-activities.js";
import { TEAMS_OWNERS, TEAMS_OWNERS_ENV } from "../assessments/teams-assessment-steps.js";
import { button, buttonsOf, cardIn, cardText, clickForCard, clickForMessage, inputsOf, type Card } from "../teams-steps.js";

const OWNER = TEAMS_OWNERS[0];
/** Tuesday 1 December 2026, 10:00 UTC. */
const NOW = new Date("2026-12-01T10:00:00Z");

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false, env: { TEAMS_OWNERS: TEAMS_OWNERS_ENV }, clock: fixedClock(NOW) });
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const ask = async (who: TeamsPerson, text: string) => (await t.teams.ask(who, text)).reply;
const teams = (who: TeamsPerson) => ({ channel: "teams" as const, id: who.aadObjectId, name: who.name });
const inputValue = (card: Card, id: string) => inputsOf(card).find((input) => input.id === id)?.value;
const nc = (reference = "NC-0001") => t.aims.core.nonconformities.details(reference);

describe("nonconformities in Teams", () => {
  it("raises one from an incident, takes on its corrective action, reopens it on an ineffective check and logs an improvement", async () => {
    const reported = await t.aims.core.incidents.report(teams(TEAMS_EMPLOYEE), { ...VALID_INCIDENT, title: "Refund answers wrong", detectedAt: NOW.toISOString() }, "teams:nc-incident");
    if (!reported.ok) throw new Error(JSON.stringify(reported.errors));
    const incident = reported.incident.reference;
    const added = await t.aims.core.incidents.addCorrectiveAction(teams(TEAMS_EMPLOYEE), incident, { description: "Review the refund prompt", ownerId: TEAMS_OTHER.aadObjectId, dueDate: "2026-12-10" });
    if (added.kind !== "added") throw new Error(JSON.stringify(added));

    expect(String((await ask(TEAMS_OTHER, `nc raise ${incident}`)).body.text)).toContain(`Only the person who reported ${incident}`);
    expect(String((await ask(TEAMS_OTHER, "nc what")).body.text)).toContain("Say `nc`");

    const form = cardIn(await ask(TEAMS_EMPLOYEE, `nc raise ${incident}`));
    expect(inputValue(form, "source")).toBe(incident);
    expect(String(inputValue(form, "description"))).toContain("Refund answers wrong");
    const raised = await clickForCard(t, TEAMS_EMPLOYEE, button(form, NC_IDS.raise), {
      description: String(inputValue(form, "description")),
      source: incident,
      reaction: "Refund answers switched off.",
      ownerId: OWNER.aadObjectId,
    });
    expect(cardText(raised)).toContain("NC-0001");
    expect(cardText(raised)).toContain("Review the refund prompt");
    expect(await nc()).toMatchObject({ sourceKind: "incident", sourceRef: incident, ownerChannel: "teams", ownerId: OWNER.aadObjectId, status: "open" });

    // The incident's action is now the nonconformity's too: its owner marks it done from the nonconformity.
    const asActionOwner = cardIn(await ask(TEAMS_OTHER, "nc NC-0001"));
    expect(await clickForMessage(t, TEAMS_OTHER, button(asActionOwner, NC_IDS.analysisForm))).toContain("Only the owner of NC-0001");
    const done = await clickForCard(t, TEAMS_OTHER, buttonsOf(asActionOwner).find((action) => action.verb === NC_IDS.actionDone && action.data.action === added.action.id)!);
    expect(cardText(done)).toContain("Awaiting the effectiveness check (due 2026-12-31)");
    expect((await t.aims.core.incidents.details(incident))!.correctiveActions).toEqual([expect.objectContaining({ status: "done", completedAt: NOW })]);

    const check = await clickForCard(t, OWNER, button(done, NC_IDS.checkForm));
    const ineffective = await clickForCard(t, OWNER, button(check, NC_IDS.check), { outcome: "ineffective", note: "Refund answers are still wrong for one product." });
    expect(cardText(ineffective)).toContain("Not effective");
    expect(await nc()).toMatchObject({ status: "open", checkDueAt: null, checks: [expect.objectContaining({ effective: false, checkerId: OWNER.aadObjectId })] });

    const actionForm = await clickForCard(t, OWNER, button(ineffective, NC_IDS.actionForm));
    const withAction = await clickForCard(t, OWNER, button(actionForm, NC_IDS.addAction), { description: "Test refund answers for every product", ownerId: TEAMS_OTHER.aadObjectId, dueDate: "2026-12-20" });
    expect(cardText(withAction)).toContain("Test refund answers for every product");
    expect((await nc())!.correctiveActions.at(-1)).toMatchObject({ ownerChannel: "teams", ownerId: TEAMS_OTHER.aadObjectId, incidentId: null, status: "open" });

    const improvementForm = await clickForCard(t, OWNER, button(withAction, NC_IDS.improvementFromNcForm));
    const withImprovement = await clickForCard(t, OWNER, button(improvementForm, NC_IDS.addImprovement), { title: "Regression tests for prompts", description: "Every prompt change runs the product answers." });
    expect(cardText(withImprovement)).toContain("IMP-0001");
    expect(await t.aims.core.improvements.find("IMP-0001")).toMatchObject({ sourceKind: "nonconformity", nonconformityId: (await nc())!.id });

    const list = cardIn(await ask(TEAMS_EMPLOYEE, "nc"));
    expect(cardText(list)).toContain("NC-0001");
    const log = cardIn(await ask(TEAMS_EMPLOYEE, "improvements"));
    expect(cardText(log)).toContain("Regression tests for prompts");
    expect(await clickForMessage(t, TEAMS_EMPLOYEE, button(log, NC_IDS.improvementStatusForm))).toContain("Only whoever recorded IMP-0001 and the AIMS owners");
  });
});
