import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dmText, ONE_APPROVER_ROUTES, runAt, stageDms, startWithApprovalPolicy } from "./approval-policy-steps.js";
import { findUserGroup } from "../../../src/channels/slack/directory/user-groups.js";
import { fixedClock } from "../../../src/core/clock.js";
import { APPROVERS, EMPLOYEE, OWNERS, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { submitRequest } from "../../support/request-steps.js";

const BOARD = { id: "SAIBOARD01", handle: "ai-board", name: "AI board" };
const ETHICS = { id: "SETHICS001", handle: "ethics", name: "Ethics" };
const MEMBERS = ["UBOARDMEM1", "UBOARDMEM2"] as const;

/** Low-risk requests: the AI board (a Slack user group) and, in parallel, an ethics group nobody is in. */
const POLICY = `version: 5
routes:
  - tier: low
    stages:
      - { id: board, name: AI board, anyOf: ["group:AI board (@ai-board)"], deadline: 4, escalateAfter: 2 }
      - { id: ethics, name: Ethics, anyOf: ["group:Ethics (@ethics)"], parallel: true, deadline: 4, escalateAfter: 2 }
${ONE_APPROVER_ROUTES}`;

// Monday 10:00 in London (BST): working hours 09:00-17:00 London are 08:00-16:00 UTC.
const clock = fixedClock(new Date("2027-06-07T09:00:00Z"));
let t: TestAims;

beforeAll(async () => {
  t = await startWithApprovalPolicy(clock, POLICY);
  for (const [i, id] of MEMBERS.entries()) t.fake.addUser({ id, name: `board.${i + 1}`, real_name: `Board member ${i + 1}`, email: `board${i + 1}@example.org` });
  t.fake.addUserGroup({ ...BOARD, users: [...MEMBERS] });
  t.fake.addUserGroup({ ...ETHICS, users: [] });
  for (const group of [BOARD, ETHICS]) {
    const facts = await findUserGroup(t.aims.slack!.app.client, group.id);
    const bound = await t.aims.core.roles.bindGroup({ channel: "slack", id: OWNERS[0] }, { role: "incident_responder", reason: "Stage holders in the approval policy" }, facts);
    expect(bound.kind).toBe("ok");
  }
  await eventually(async () => expect(await t.aims.core.prisma.groupMembership.count({ where: { until: null } })).toBe(MEMBERS.length), 10_000);
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const at = (iso: string) => runAt(t, clock, iso);
const about = (userId: string, reference: string, stageId: string) => stageDms(t, userId, reference, stageId);
const textOf = dmText;

describe("approval stages held by groups, in Slack", () => {
  it("reminds the members of the user group a stage names, and escalates a stage nobody can decide to the AIMS owners at its deadline", async () => {
    const { reference } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Board tool" });

    await at("2027-06-07T12:59:00Z");
    for (const person of [...MEMBERS, ...OWNERS]) expect([...about(person, reference, "board"), ...about(person, reference, "ethics")]).toEqual([]);

    await at("2027-06-07T13:00:00Z");
    for (const member of MEMBERS) {
      const [reminder, ...more] = about(member, reference, "board");
      expect(more).toEqual([]);
      expect(textOf(reminder!)).toContain(`Decide ${reference} (Board tool) at the AI board stage`);
      expect(about(member, reference, "ethics")).toEqual([]);
    }
    for (const approver of APPROVERS) expect(about(approver, reference, "board")).toEqual([]);
    // Nobody is in the ethics group: no grace, the AIMS owners hear of it when it is due.
    for (const owner of OWNERS) {
      const [escalation, ...more] = about(owner, reference, "ethics");
      expect(more).toEqual([]);
      expect(textOf(escalation!)).toContain("Escalation:");
      expect(textOf(escalation!)).toContain("Nobody can decide the Ethics stage: no one holding group:Ethics (@ethics) may decide it");
      expect(about(owner, reference, "board")).toEqual([]);
    }

    await at("2027-06-07T15:00:00Z");
    expect(textOf(about(OWNERS[0], reference, "board")[0]!)).toContain("Escalation: past its deadline and the 2-working-hour grace period");
    expect(about(OWNERS[0], reference, "ethics")).toHaveLength(1);
    for (const member of MEMBERS) expect(about(member, reference, "board")).toHaveLength(1);
  });
});
