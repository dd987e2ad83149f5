import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../support/aims-harness.js";
import { SCHEDULING_ENV } from "./scheduling/scheduling-steps.js";

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
