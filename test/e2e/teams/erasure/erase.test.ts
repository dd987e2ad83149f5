import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { TEAMS_EMPLOYEE } from "../../../support/teams-activities.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { TEAMS_AIMS_OWNER } from "../scheduling/teams-scheduling-steps.js";
import { actionOf, cardIn, cardText, expectCardResponse, expectMessageResponse } from "../teams-steps.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false, clock: fixedClock(new Date("2027-02-01T09:00:00.000Z")), env: { TEAMS_OWNERS: TEAMS_AIMS_OWNER.aadObjectId } });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

describe("erase through Teams", () => {
  it("is listed in help for AIMS owners only, and refused to anyone else", async () => {
    expect(String((await t.teams.ask(TEAMS_EMPLOYEE, "help")).reply.body.text)).not.toContain("**erase**");
    expect(String((await t.teams.ask(TEAMS_AIMS_OWNER, "help")).reply.body.text)).toContain("**erase**");
    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "erase");
    expect(String(reply.body.text)).toContain("Only the AIMS owners can erase a person's data.");
  });

  it("brings the card back with field errors, then erases the person named by email", async () => {
    const core = t.aims.core;
    const leaver = { channel: "teams" as const, id: TEAMS_EMPLOYEE.aadObjectId, name: TEAMS_EMPLOYEE.name };
    await core.directory.observe({ ...leaver, verifiedEmail: "eve@example.com" });
    const submitted = await core.requests.submit(leaver, VALID_REQUEST, "teams-erase-1");
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.errors));

    const { reply } = await t.teams.ask(TEAMS_AIMS_OWNER, "erase");
    const erase = actionOf(cardIn(reply), "person.erase");
    const incomplete = await t.teams.invoke(TEAMS_AIMS_OWNER, { verb: erase.verb, data: { ...erase.data, person: "eve@example.com", reason: "ER-9", confirm: "false" } });
    expect(cardText(expectCardResponse(incomplete.body))).toContain("cannot be undone");

    const done = await t.teams.invoke(TEAMS_AIMS_OWNER, { verb: erase.verb, data: { ...erase.data, person: "eve@example.com", reason: "ER-9", confirm: "true" } });
    expect(expectMessageResponse(done.body)).toMatch(/^Erased\. They are now "Former employee [0-9A-F]{4}"/);
    const request = await core.prisma.aiToolRequest.findUniqueOrThrow({ where: { id: submitted.request.id } });
    expect(request.requesterName).toMatch(/^Former employee/);
    expect((await core.prisma.teamsUser.findUnique({ where: { aadObjectId: TEAMS_EMPLOYEE.aadObjectId } }))?.name).toBe(request.requesterName);
  });
});
