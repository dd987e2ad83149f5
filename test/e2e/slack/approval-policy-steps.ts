import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock, fixedClock } from "../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../support/aims-harness.js";
import type { FakeSlackCall } from "../../support/fake-slack/index.js";
import { SCHEDULING_ENV, dmsTo, tick } from "./scheduling/scheduling-steps.js";

/** The medium and high routes of a test policy that only cares about low-risk requests: one approver each. */
export const ONE_APPROVER_ROUTES = `  - tier: medium
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver] }
  - tier: high
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver] }
`;

/** The app with the scheduler's test settings and the approval policy file `policy` (YAML text). */
export async function startWithApprovalPolicy(clock: Clock, policy: string): Promise<TestAims> {
  const file = join(await mkdtemp(join(tmpdir(), "aims-policy-")), "policy.yaml");
  await writeFile(file, policy);
  return startTestAims({ clock, env: { ...SCHEDULING_ENV, AIMS_APPROVAL_POLICY: file } });
}

/** Moves the test's clock to `iso` and lets the scheduler run once. */
export async function runAt(t: TestAims, clock: ReturnType<typeof fixedClock>, iso: string): Promise<void> {
  clock.set(new Date(iso));
  await tick(t);
}

/** Reminder and escalation DMs to `userId` about one stage of one request, as first posted. */
export const stageDms = (t: TestAims, userId: string, reference: string, stageId: string): FakeSlackCall[] =>
  dmsTo(t, userId).filter((call) => JSON.stringify(call.args.blocks ?? []).includes(`"due:${reference}/${stageId}"`));

/** A DM's text and blocks, to look for words in either. */
export const dmText = (call: FakeSlackCall) => `${call.args.text} ${JSON.stringify(call.args.blocks)}`;
