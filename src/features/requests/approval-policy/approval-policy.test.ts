import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApprovalPolicyError, defaultApprovalPolicyPath, loadApprovalPolicy, parseApprovalPolicy, routeFor } from "./approval-policy.js";

function problemsOf(text: string): readonly string[] {
  try {
    parseApprovalPolicy(text, "policy.yaml");
  } catch (error) {
    if (error instanceof ApprovalPolicyError) return error.problems;
    throw error;
  }
  throw new Error("the policy was accepted");
}

const ROUTES = (high: string) => `version: 2
routes:
  - tier: low
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver] }
  - tier: medium
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver] }
${high}`;

describe("the approval policy", () => {
  it("ships a default of one approver stage for every tier", async () => {
    const policy = await loadApprovalPolicy(undefined);
    expect(defaultApprovalPolicyPath()).toMatch(/src\/features\/requests\/approval-policy\/approval-policy\.v1\.yaml$/);
    for (const tier of ["low", "medium", "high"] as const) {
      expect(routeFor(policy, { riskTier: tier })).toEqual([
        { id: "approval", name: "Approver", rule: "anyOf", holders: ["role:approver"], step: 1, deadlineHours: 16, escalateAfterHours: 8 },
      ]);
    }
  });

  it("numbers sequential and parallel stages into steps and prefers a route for the request's classification", () => {
    const policy = parseApprovalPolicy(
      ROUTES(`  - tier: high
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver] }
      - { id: privacy, name: Privacy or legal, anyOf: [group:privacy, group:legal], parallel: true }
      - { id: owner, name: AIMS owner, allOf: [role:owner, group:security] }
  - tier: high
    classification: high_risk
    stages:
      - { id: owner, name: AIMS owner, anyOf: [role:owner] }
`),
      "policy.yaml",
    );
    expect(routeFor(policy, { riskTier: "high" }).map((stage) => [stage.id, stage.step, stage.rule])).toEqual([
      ["approval", 1, "anyOf"],
      ["privacy", 1, "anyOf"],
      ["owner", 2, "allOf"],
    ]);
    expect(routeFor(policy, { riskTier: "high", classification: "high_risk" }).map((stage) => stage.id)).toEqual(["owner"]);
    expect(routeFor(policy, { riskTier: "high", classification: "limited" }).map((stage) => stage.id)).toEqual(["approval", "privacy", "owner"]);
  });

  it("names the line of an unknown role", () => {
    const problems = problemsOf(
      ROUTES(`  - tier: high
    stages:
      - id: approval
        name: Approver
        anyOf:
          - role:approver
          - role:ceo
`),
    );
    expect(problems).toEqual(['policy.yaml: line 15: route 3 stage 1 anyOf.1: unknown role "ceo" (the roles are owner, approver, triager, incident_responder, manager)']);
  });

  it("refuses impossible stages and routes, each with its line", () => {
    const problems = problemsOf(`version: 1
routes:
  - tier: low
    stages:
      - { id: a, name: A, anyOf: [role:approver], parallel: true }
      - { id: a, name: Again, allOf: [role:owner, role:owner] }
      - { id: b, name: B }
  - tier: medium
    stages: []
`);
    expect(problems).toEqual([
      "policy.yaml: line 7: route 1 stage 3: needs exactly one of anyOf or allOf",
      "policy.yaml: line 9: route 2 stages: Too small: expected array to have >=1 items",
    ]);
    const cross = problemsOf(`version: 1
routes:
  - tier: low
    stages:
      - { id: a, name: A, anyOf: [role:approver], parallel: true }
      - { id: a, name: Again, allOf: [role:owner, role:owner] }
  - tier: medium
    stages:
      - { id: a, name: A, anyOf: [group:security] }
`);
    expect(cross).toEqual([
      "policy.yaml: line 5: route 1 stage 1 parallel: the first stage cannot be parallel: there is no stage before it",
      'policy.yaml: line 6: route 1 stage 2 id: stage id "a" is used twice in this route',
      'policy.yaml: line 6: route 1 stage 2 allOf.1: "role:owner" is listed twice',
      "policy.yaml: line 3: routes: no route for tier high without a classification: such requests could never be decided",
    ]);
  });

  it("stops loading (and so start-up) on a file with an unknown role, naming the file and the line", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "policy-")), "ours.yaml");
    await writeFile(path, ROUTES("  - tier: high\n    stages:\n      - { id: a, name: A, anyOf: [role:boss] }\n"));
    await expect(loadApprovalPolicy(path)).rejects.toThrow('ours.yaml: line 11: route 3 stage 1 anyOf.0: unknown role "boss"');
    await expect(loadApprovalPolicy(join(tmpdir(), "no-such-policy.yaml"))).rejects.toThrow(/no-such-policy\.yaml: cannot read the approval policy/);
  });

  it("names the line of a route for a classification the EU AI Act definition does not have", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "policy-")), "ours.yaml");
    await writeFile(
      path,
      ROUTES("  - tier: high\n    stages:\n      - { id: a, name: A, anyOf: [role:owner] }\n  - tier: high\n    classification: hihg_risk\n    stages:\n      - { id: a, name: A, anyOf: [role:owner] }\n"),
    );
    await expect(loadApprovalPolicy(path, ["high_risk", "minimal"])).rejects.toThrow('ours.yaml: line 13: route 4 classification: unknown classification "hihg_risk" (known: high_risk, minimal)');
  });

  it("takes each stage's deadline and grace in working hours from the stage, else its route, else 16 and 8", () => {
    const policy = parseApprovalPolicy(
      ROUTES(`  - tier: high
    deadline: 24
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver], deadline: 4, escalateAfter: 2 }
      - { id: owner, name: AIMS owner, anyOf: [role:owner] }
`),
      "policy.yaml",
    );
    expect(routeFor(policy, { riskTier: "high" }).map((stage) => [stage.id, stage.deadlineHours, stage.escalateAfterHours])).toEqual([
      ["approval", 4, 2],
      ["owner", 24, 8],
    ]);
    expect(routeFor(policy, { riskTier: "low" }).map((stage) => [stage.deadlineHours, stage.escalateAfterHours])).toEqual([[16, 8]]);
  });

  it("names the line of a deadline or grace that is not a whole number of working hours", () => {
    const problems = problemsOf(
      ROUTES(`  - tier: high
    escalateAfter: 0
    stages:
      - id: approval
        name: Approver
        anyOf: [role:approver]
        deadline: 2 days
`),
    );
    expect(problems).toEqual([
      "policy.yaml: line 10: route 3 escalateAfter: must be at least 1 working hour",
      "policy.yaml: line 15: route 3 stage 1 deadline: must be a whole number of working hours, such as 16",
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    expect(problemsOf("version: 1\nroutes:\n  - tier: low\n   stages: [")[0]).toMatch(/^policy\.yaml: line \d+: YAML syntax error/);
  });
});
