import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { DELEGATION_IDS } from "../../../../src/features/delegations/conversation/delegation-ids.js";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { channelConversation, personalChat, TEAMS_APPROVERS, TEAMS_EMPLOYEE, TEAMS_OTHER } from "../../../support/teams-activities.js";
import { cardIn, cardText, clickTeamsDecision, expectCardResponse, expectMessageResponse, inputsOf, submitTeamsRequest } from "../teams-steps.js";

/** Alex (a Teams approver) is away from 10 to 20 May 2027; Olli, who holds no role, covers for him until he cancels. */
const ALEX = TEAMS_APPROVERS[0];
const OLLI = TEAMS_OTHER;
const clock = fixedClock(new Date("2027-05-10T08:00:00Z"));
const WAIT_MS = 20_000;

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, clock });
  expect((await t.teams.install(ALEX, channelConversation())).status).toBe(200);
  expect((await t.teams.message(OLLI, "help", personalChat(OLLI))).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

const save = (data: Record<string, string>) => t.teams.invoke(ALEX, { verb: DELEGATION_IDS.views.create, data, conversation: personalChat(ALEX) });
const form = (delegate: string) => ({ delegate, holder: "role:approver", from: "2027-05-10", until: "2027-05-20", reason: "Holiday cover" });

async function olliApproves(request: Awaited<ReturnType<typeof submitTeamsRequest>>) {
  return clickTeamsDecision(t, OLLI, { card: request.approvalCard, activityId: request.approval.responseId! }, "request.approve");
}

describe("delegation through Teams", () => {
  it("names a delegate from the form, who decides on the approver's behalf until the approver cancels", async () => {
    const { status, reply } = await t.teams.ask(ALEX, "delegate", personalChat(ALEX));
    expect(status).toBe(200);
    expect(inputsOf(cardIn(reply)).map((input) => input.id)).toEqual(["delegate", "holder", "from", "until", "reason"]);

    const self = expectCardResponse((await save(form(ALEX.aadObjectId))).body);
    expect(cardText(self)).toContain("You cannot delegate to yourself: pick another person.");
    const backwards = expectCardResponse((await save({ ...form(OLLI.aadObjectId), until: "2027-05-01" })).body);
    expect(cardText(backwards)).toContain("The last day cannot be before the first.");
    const saved = expectCardResponse((await save(form(OLLI.aadObjectId))).body);
    expect(cardText(saved)).toContain("now covers for you");
    const delegation = await t.aims.core.prisma.delegation.findFirstOrThrow();
    expect(delegation).toMatchObject({ delegatorId: ALEX.aadObjectId, delegateId: OLLI.aadObjectId, holder: "role:approver", validUntil: new Date("2027-05-21T00:00:00Z"), controls: ["A.3.2", "A.9.2"] });
    await t.teams.connector.waitFor("send", (c) => cardText(c.body).includes("named you their delegate"), WAIT_MS);

    const covered = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Covered tool" });
    expect((await olliApproves(covered)).status).toBe(200);
    await eventually(async () => expect((await t.aims.core.requests.find(covered.reference))!.status).toBe("approved"));
    const decision = await t.aims.core.prisma.requestDecision.findFirstOrThrow({ where: { request: { reference: covered.reference } } });
    expect(decision).toMatchObject({ deciderId: OLLI.aadObjectId, onBehalfOfChannel: "teams", onBehalfOfId: ALEX.aadObjectId, delegationId: delegation.id });
    const updated = await t.teams.connector.waitFor("update", (c) => cardText(c.body).includes(covered.reference) && cardText(c.body).includes("on behalf of"), WAIT_MS);
    expect(cardText(updated.body)).toContain("by Olli Other on behalf of Alex Approver");

    // Alex is back early: he cancels, Olli is told, and his next click is refused.
    clock.set(new Date("2027-05-12T08:00:00Z"));
    const cancelled = expectCardResponse((await t.teams.invoke(ALEX, { verb: DELEGATION_IDS.actions.cancel, data: { id: delegation.id }, conversation: personalChat(ALEX) })).body);
    expect(cardText(cancelled)).toContain("The delegation is cancelled");
    await t.teams.connector.waitFor("send", (c) => cardText(c.body).includes("cancelled the delegation"), WAIT_MS);
    const again = expectMessageResponse((await t.teams.invoke(ALEX, { verb: DELEGATION_IDS.actions.cancel, data: { id: delegation.id }, conversation: personalChat(ALEX) })).body);
    expect(again).toBe("This delegation has already ended or was cancelled.");

    const after = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "After tool" });
    const refused = expectMessageResponse((await olliApproves(after)).body);
    expect(refused).toBe(
      "Your cover for Alex Approver was cancelled on 2027-05-12 08:00 UTC, so you can no longer decide in their place. Only the AIMS approvers can decide AI tool requests.",
    );
    expect((await t.aims.core.requests.find(after.reference))!.status).toBe("pending");
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityType: "delegation" }, orderBy: { id: "asc" } });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([
      ["delegation.created", ALEX.aadObjectId],
      ["delegation.cancelled", ALEX.aadObjectId],
    ]);

    // The audit pack lists the delegation, and the decision taken under it names it.
    const exported = await t.aims.core.auditPacks.exportFor({ channel: "slack", id: OWNERS[0] }, { outDir: await mkdtemp(join(tmpdir(), "aims-delegation-pack-")) });
    if (exported.kind !== "exported") throw new Error(exported.kind);
    const records = async (file: string) => JSON.parse(await readFile(join(exported.pack.folder, "records", `${file}.json`), "utf8")) as Record<string, unknown>[];
    expect(await records("delegations")).toEqual([expect.objectContaining({ id: delegation.id, delegateId: OLLI.aadObjectId, holder: "role:approver", reason: "Holiday cover" })]);
    expect(await records("approval-decisions")).toContainEqual(expect.objectContaining({ request: covered.reference, onBehalfOfName: "Alex Approver", delegationId: delegation.id }));
  });
});
