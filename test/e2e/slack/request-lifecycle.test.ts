import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, submitRequest } from "../../support/request-steps.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims();
});
afterAll(async () => {
  await t?.stop();
});

const textOf = (body: unknown) => JSON.stringify(body);

async function say(userId: string, text: string): Promise<string> {
  const responseUrl = t.fake.newResponseUrl();
  expect((await t.slack.command(userId, text, { responseUrl })).status).toBe(200);
  return textOf((await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl)).body);
}

const approvalOf = (reference: string) =>
  t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;

describe("withdraw and reopen, in Slack", () => {
  it("lets only the requester withdraw a pending request; the approvals message loses its buttons; audited", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Changed my mind" });
    expect(await say(APPROVERS[1], `withdraw ${reference}`)).toContain("Only the person who made the request can withdraw it.");
    expect(await say(EMPLOYEE, "withdraw")).toContain("Say which request");
    expect(await say(EMPLOYEE, `withdraw ${reference.toLowerCase()}`)).toContain(`You withdrew *${reference}*`);
    expect((await t.aims.core.requests.find(reference))!.status).toBe("withdrawn");

    const update = await t.fake.waitFor("chat.update", (c) => c.args.ts === approvalTs && textOf(c.args.blocks).includes("Withdrawn"));
    expect(textOf(update.args.blocks)).not.toContain(decisionIds.approve);
    const staleUrl = await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approvalOf(reference), decisionIds.approve), approvalTs);
    expect(textOf((await t.fake.waitForResponseUrlPost((p) => p.url === staleUrl)).body)).toContain("has changed since you saw it (it is now withdrawn");
    expect(await say(EMPLOYEE, `withdraw ${reference}`)).toContain(`${reference} is withdrawn and can no longer be withdrawn.`);

    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: reference }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["request.submitted", "request.withdrawn"]);
    expect(audit[1]).toMatchObject({ actorId: EMPLOYEE, before: { status: "pending", revision: 1 }, after: { status: "withdrawn", revision: 1 } });
  });

  it("lets an AIMS owner reopen an approved request with a reason: the entry is suspended, approvers decide again, the entry is active again", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Reopen me" });
    await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approvalOf(reference), decisionIds.approve), approvalTs);
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("approved"));

    expect(await say(EMPLOYEE, `reopen ${reference} I want to`)).toContain("Only the AIMS owners can reopen a decided request.");
    expect(await say(OWNERS[0], `reopen ${reference}`)).toContain("Please give a reason for reopening it.");
    expect(await say(OWNERS[0], `reopen ${reference} The vendor changed its data terms.`)).toContain(`*${reference}* is reopened`);

    const request = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference }, include: { aiSystem: true } });
    expect(request).toMatchObject({ status: "pending", revision: 2 });
    expect(request.aiSystem!.status).toBe("suspended");
    const dm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(`Your request ${reference} was reopened`));
    expect(textOf(dm.args.blocks)).toContain("The vendor changed its data terms.");
    const reopened = await t.fake.waitFor("chat.update", (c) => c.args.ts === approvalTs && textOf(c.args.blocks).includes("revision 2"));
    expect(await say(OWNERS[0], `reopen ${reference} again`)).toContain(`${reference} is still pending`);

    await clickDecision(t, APPROVERS[1], decisionIds.approve, buttonValue(reopened, decisionIds.approve), approvalTs);
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("approved"));
    const after = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference }, include: { aiSystem: true, decisions: true } });
    expect(after.aiSystem).toMatchObject({ reference: request.aiSystem!.reference, status: "active" });
    expect(after.decisions.map((d) => [d.revision, d.deciderId])).toEqual([
      [1, APPROVERS[0]],
      [2, APPROVERS[1]],
    ]);
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: { in: [reference, request.aiSystem!.reference] } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual([
      "request.submitted",
      "request.approved",
      "register.added",
      "request.reopened",
      "register.suspended",
      "request.approved",
      "register.reapproved",
    ]);
    expect(audit[3]).toMatchObject({ actorId: OWNERS[0], after: { status: "pending", revision: 2, reason: "The vendor changed its data terms." } });
  });
});
