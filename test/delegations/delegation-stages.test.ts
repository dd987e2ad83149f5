import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import { DelegationService } from "../../src/features/delegations/delegation-service.js";
import type { ApprovalPolicy, ApprovalStage } from "../../src/features/requests/approval-policy/approval-policy.js";
import { RequestService } from "../../src/features/requests/request-service.js";
import { createLogger } from "../../src/log/logger.js";
import { openMigratedDatabase, type MigratedDatabase } from "../evidence/support/migrated-database.js";
import { VALID_REQUEST } from "../support/request-form-state.js";
import { organisationIn } from "../support/roles.js";

/** Two approvers in turn (four eyes): a delegate's decision counts as the delegator's, and the other way round. */
const STAGES: ApprovalStage[] = [
  { id: "first", name: "First approver", rule: "anyOf", holders: ["role:approver"], step: 1, deadlineHours: 16, escalateAfterHours: 8 },
  { id: "second", name: "Second approver", rule: "anyOf", holders: ["role:approver"], step: 2, deadlineHours: 16, escalateAfterHours: 8 },
];
const POLICY: ApprovalPolicy = { version: 1, source: "test", routes: (["low", "medium", "high"] as const).map((tier) => ({ tier, stages: STAGES })) };
const ALEX = { channel: "slack" as const, id: "UALEX", name: "Alex" };
const BLAIR = { channel: "slack" as const, id: "UBLAIR", name: "Blair" };
const DANA = { channel: "slack" as const, id: "UDANA", name: "Dana" };
const EVE = { channel: "slack" as const, id: "UEVE", name: "Eve" };
const clock = fixedClock(new Date("2027-03-01T09:00:00Z"));

let db: MigratedDatabase;
let requests: RequestService;
let delegations: DelegationService;
beforeAll(async () => {
  db = await openMigratedDatabase();
  const { prisma } = db.database;
  const { roles, people } = await organisationIn(prisma, clock, { approver: { slack: [ALEX.id, BLAIR.id] } });
  const events = new EventBus(prisma, createLogger("silent"));
  requests = new RequestService({ prisma, clock, roles, events, registerReviewMonths: 12, approvalPolicy: POLICY });
  delegations = new DelegationService({ prisma, clock, roles, events, people, approvalPolicy: POLICY });
  const made = await delegations.create(ALEX, { delegate: DANA, holder: "role:approver", from: "2027-03-01", until: "2027-03-10", reason: "Holiday" });
  expect(made.kind).toBe("ok");
});
afterAll(async () => {
  await db?.close();
});

async function submitted(key: string) {
  const result = await requests.submit(EVE, VALID_REQUEST, key);
  if (!result.ok) throw new Error("submit failed");
  return result.request.reference;
}

describe("delegation across approval stages", () => {
  it("a delegator whose delegate decided one stage may not decide the next; another approver does", async () => {
    const reference = await submitted("k1");
    const first = await requests.decide(DANA, reference, 1, "approved", undefined, { stageId: "first" });
    expect(first).toMatchObject({ kind: "stage_decided", stageDecision: { deciderId: DANA.id, onBehalfOfId: ALEX.id } });
    expect(await requests.decide(ALEX, reference, 1, "approved", undefined, { stageId: "second" })).toEqual({
      kind: "forbidden",
      message: `You already decided the First approver stage of ${reference}; another person has to decide the others.`,
    });
    expect(await requests.decide(BLAIR, reference, 1, "approved", undefined, { stageId: "second" })).toMatchObject({ kind: "decided", decision: { deciderId: BLAIR.id, onBehalfOfId: null } });
  });

  it("a delegate may not decide a stage on behalf of an approver who decided the one before", async () => {
    const reference = await submitted("k2");
    expect(await requests.decide(ALEX, reference, 1, "approved", undefined, { stageId: "first" })).toMatchObject({ kind: "stage_decided" });
    expect(await requests.decide(DANA, reference, 1, "approved", undefined, { stageId: "second" })).toEqual({
      kind: "forbidden",
      message: "The Second approver stage is decided by any of role:approver.",
    });
  });

  it("refuses a second delegation of the same holder for overlapping days, and cancelling is the delegator's alone", async () => {
    const overlapping = await delegations.create(ALEX, { delegate: BLAIR, holder: "role:approver", from: "2027-03-05", until: "2027-03-12", reason: "Cover" });
    expect(overlapping).toEqual({ kind: "invalid", errors: { from: "You already have a delegation of this for part of that period: cancel it first." } });
    const [current] = (await delegations.listFor(ALEX)).given;
    expect(await delegations.cancel(DANA, current!.id)).toEqual({ kind: "forbidden", message: "Only the person who made this delegation can cancel it." });
    expect(await delegations.create(DANA, { delegate: EVE, holder: "role:approver", from: "2027-03-01", until: "2027-03-02", reason: "Passing it on" })).toEqual({
      kind: "forbidden",
      message: "Only a person who decides an approval stage can name a delegate.",
    });
  });
});
