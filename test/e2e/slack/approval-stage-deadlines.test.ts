import { tmpdir } from "node:os";
import { join } from "node:path";
import { mkdtemp, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dmText, ONE_APPROVER_ROUTES, runAt, stageDms, startWithApprovalPolicy } from "./approval-policy-steps.js";
import { fixedClock } from "../../../src/core/clock.js";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, OWNERS, type TestAims } from "../../support/aims-harness.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, submitRequest } from "../../support/request-steps.js";
import { MANAGER, openFromCommand } from "./scheduling/scheduling-steps.js";

/** Low-risk requests: an approver within 4 working hours (2 more before escalating), then an AIMS owner (default 16 + 8). */
const POLICY = `version: 4
routes:
  - tier: low
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver], deadline: 4, escalateAfter: 2 }
      - { id: owner, name: AIMS owner, anyOf: [role:owner] }
${ONE_APPROVER_ROUTES}`;

// Monday 10:00 in London (BST): working hours 09:00-17:00 London are 08:00-16:00 UTC.
const clock = fixedClock(new Date("2027-06-07T09:00:00Z"));
let t: TestAims;

beforeAll(async () => {
  t = await startWithApprovalPolicy(clock, POLICY);
});
afterAll(async () => {
  await t?.stop();
});

const at = (iso: string) => runAt(t, clock, iso);
const about = (userId: string, reference: string, stageId: string) => stageDms(t, userId, reference, stageId);
const textOf = dmText;
const approvalOf = (reference: string) =>
  t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;

async function say(userId: string, text: string): Promise<string> {
  const responseUrl = t.fake.newResponseUrl();
  expect((await t.slack.command(userId, text, { responseUrl })).status).toBe(200);
  return JSON.stringify((await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl)).body);
}

describe("approval stage deadlines, in Slack", () => {
  it("reminds the stage's approvers at its deadline in working hours, escalates to the AIMS owners after the grace, and stops once decided", async () => {
    clock.set(new Date("2027-06-07T09:00:00Z"));
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Slow stage tool" });
    const request = (await t.aims.core.requests.find(reference))!;
    expect(await t.aims.core.prisma.approvalStageDeadline.findMany({ where: { requestId: request.id }, select: { stageId: true, dueAt: true, escalateAt: true } })).toEqual([
      { stageId: "approval", dueAt: new Date("2027-06-07T13:00:00Z"), escalateAt: new Date("2027-06-07T15:00:00Z") },
    ]);

    await at("2027-06-07T12:59:00Z");
    for (const approver of APPROVERS) expect(about(approver, reference, "approval")).toEqual([]);

    await at("2027-06-07T13:00:00Z");
    for (const approver of APPROVERS) {
      const [reminder, ...more] = about(approver, reference, "approval");
      expect(more).toEqual([]);
      expect(textOf(reminder!)).toContain(`Decide ${reference} (Slow stage tool) at the Approver stage`);
    }
    expect(about(EMPLOYEE, reference, "approval")).toEqual([]);
    expect(about(OWNERS[0], reference, "approval")).toEqual([]);

    await at("2027-06-07T14:59:00Z");
    expect(about(OWNERS[0], reference, "approval")).toEqual([]);
    await at("2027-06-07T15:00:00Z");
    const [escalation] = about(OWNERS[0], reference, "approval");
    expect(textOf(escalation!)).toContain("Escalation: past its deadline and the 2-working-hour grace period");

    // Mark done points at the approvals message: only a decision settles a stage.
    const approved = await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approvalOf(reference), decisionIds.approve), approvalTs);
    expect(approved).toBeDefined();
    const settled = await t.fake.waitFor("chat.update", (call) => call.args.ts === escalation!.response.ts && textOf(call).includes("Done by"));
    expect(textOf(settled)).toContain(`Done by <@${APPROVERS[0]}>`);

    // The owner stage opened with the decision, at 15:00 UTC: 16 working hours later is Wednesday 15:00 UTC.
    const owner = await t.aims.core.prisma.approvalStageDeadline.findFirstOrThrow({ where: { requestId: request.id, stageId: "owner" } });
    expect(owner.dueAt).toEqual(new Date("2027-06-09T15:00:00Z"));
    await at("2027-06-09T15:00:00Z");
    expect(about(OWNERS[0], reference, "owner")).toHaveLength(1);
    for (const approver of APPROVERS) expect(about(approver, reference, "approval")).toHaveLength(1);
  });

  it("sends nothing for a stage decided or a request withdrawn before its deadline", async () => {
    await at("2027-06-14T09:00:00Z");
    const decided = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Quick tool" });
    const withdrawn = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Taken back tool" });
    await clickDecision(t, APPROVERS[1], decisionIds.approve, buttonValue(approvalOf(decided.reference), decisionIds.approve), decided.approvalTs);
    expect(await say(EMPLOYEE, `withdraw ${withdrawn.reference}`)).toContain(`You withdrew *${withdrawn.reference}*`);

    await at("2027-06-14T13:00:00Z");
    await at("2027-06-14T15:00:00Z");
    for (const person of [...APPROVERS, ...OWNERS]) {
      expect(about(person, decided.reference, "approval")).toEqual([]);
      expect(about(person, withdrawn.reference, "approval")).toEqual([]);
    }
    expect(await t.aims.core.prisma.approvalStageDeadline.count({ where: { request: { reference: withdrawn.reference }, settledAt: null } })).toBe(0);
  });

  it("lists the requests waiting per stage in the digest, with when they started waiting and whether they are overdue", async () => {
    await at("2027-06-15T09:00:00Z");
    const fresh = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Fresh tool" });
    const preview = JSON.stringify(await openFromCommand(t, MANAGER, "digest preview"));
    expect(preview).toContain("Requests waiting, per stage");
    expect(preview).toContain("Stages waiting for a decision: *3*");
    expect(preview).toContain("Past the stage deadline: *1*");
    expect(preview).toContain(`AIMS owner: ${await referenceOf("Slow stage tool")} (Slow stage tool), waiting since 2027-06-07, overdue`);
    expect(preview).toContain(`AIMS owner: ${await referenceOf("Quick tool")} (Quick tool), waiting since 2027-06-14\\n`);
    expect(preview).toContain(`Approver: ${fresh.reference} (Fresh tool), waiting since 2027-06-15`);
    expect(preview).not.toContain("Fresh tool), waiting since 2027-06-15, overdue");
    expect(preview).not.toContain("Taken back tool");
  });

  it("puts each stage's deadline in the audit pack: opened, due, escalated and decided or cancelled, under the decision controls", async () => {
    const slow = await referenceOf("Slow stage tool");
    const withdrawn = await referenceOf("Taken back tool");
    const exported = await t.aims.core.auditPacks.exportFor({ channel: "slack", id: OWNERS[0] }, { outDir: await mkdtemp(join(tmpdir(), "aims-stage-pack-")) });
    if (exported.kind !== "exported") throw new Error(exported.kind);
    const folder = exported.pack.folder;
    const records = JSON.parse(await readFile(join(folder, "records", "approval-stage-deadlines.json"), "utf8")) as Record<string, unknown>[];
    expect(records).toContainEqual(
      expect.objectContaining({
        reference: `${slow} rev 1 approval`,
        openedAt: "2027-06-07T09:00:00.000Z",
        dueAt: "2027-06-07T13:00:00.000Z",
        escalateAt: "2027-06-07T15:00:00.000Z",
        escalatedAt: "2027-06-07T15:00:00.000Z",
        settledAt: "2027-06-07T15:00:00.000Z",
        decidedAt: "2027-06-07T15:00:00.000Z",
        controls: ["A.3.2", "A.6.2.5", "A.9.2"],
      }),
    );
    expect(records).toContainEqual(expect.objectContaining({ reference: `${slow} rev 1 owner`, escalatedAt: null, settledAt: null, decidedAt: null }));
    expect(records).toContainEqual(expect.objectContaining({ reference: `${withdrawn} rev 1 approval`, escalatedAt: null, settledAt: "2027-06-14T09:00:00.000Z", decidedAt: null }));
    const map = await readFile(join(folder, "evidence-by-control.csv"), "utf8");
    for (const control of ["A.3.2", "A.6.2.5", "A.9.2"]) expect(map).toContain(`${control},approval_stage_deadline,${slow} rev 1 approval`);
    const index = await readFile(join(folder, "README.md"), "utf8");
    expect(index).toContain("Approval stage deadlines");
  });
});

async function referenceOf(toolName: string): Promise<string> {
  return (await t.aims.core.prisma.aiToolRequest.findFirstOrThrow({ where: { toolName } })).reference;
}
