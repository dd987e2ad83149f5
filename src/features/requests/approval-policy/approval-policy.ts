import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { AIMS_ROLES, type AimsRole } from "../../../core/roles.js";
import type { RiskTier } from "../risk-tier.js";

export const DEFAULT_POLICY_FILE = "approval-policy.v1.yaml";

/** Who may fill a place in a stage: the holders of an AIMS role, or the members of a bound group (by its name). */
export type Holder = { kind: "role"; role: AimsRole } | { kind: "group"; name: string };

/**
 * One stage of a route, as a request keeps it: decided by any one of `holders` (`anyOf`) or by one of each
 * (`allOf`). Stages of the same `step` are open together; a step opens when every stage of the steps before it is
 * approved.
 */
export interface ApprovalStage {
  id: string;
  name: string;
  rule: "anyOf" | "allOf";
  holders: string[];
  step: number;
  /** Working hours from the stage's opening until its approvers are reminded (the policy's `deadline`). */
  deadlineHours: number;
  /** Further working hours until it escalates to the AIMS owners (the policy's `escalateAfter`). */
  escalateAfterHours: number;
}

/** Today's behaviour when a policy names no deadline: two working days, then one more before escalating. */
export const DEFAULT_DEADLINE_HOURS = 16;
export const DEFAULT_ESCALATE_AFTER_HOURS = 8;
/** A quarter of a year of 8-hour days: beyond it a deadline is a typo, not a policy. */
const MAX_WORKING_HOURS = 520;

export interface ApprovalRoute {
  tier: RiskTier;
  /** The EU AI Act classification the route is for; absent: every request of the tier without a more specific route. */
  classification?: string;
  stages: ApprovalStage[];
}

export interface ApprovalPolicy {
  version: number;
  source: string;
  routes: ApprovalRoute[];
}

/** Thrown when the policy file cannot be read or is invalid: one line per problem, each naming the file and the line. */
export class ApprovalPolicyError extends Error {
  override readonly name = "ApprovalPolicyError";
  constructor(
    readonly sourceName: string,
    readonly problems: readonly string[],
  ) {
    super(problems.length === 1 ? problems[0] : `${sourceName}: ${problems.length} problems in the approval policy:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseHolder(text: string): Holder | null {
  const role = /^role:([a-z_]+)$/.exec(text);
  if (role) return (AIMS_ROLES as readonly string[]).includes(role[1]!) ? { kind: "role", role: role[1] as AimsRole } : null;
  const group = /^group:(\S.{0,79})$/.exec(text);
  return group ? { kind: "group", name: group[1]!.trim() } : null;
}

/** Bounds that keep the approvals message within Slack's and Teams' message limits. */
export const MAX_STAGES = 5;
export const MAX_HOLDERS = 3;

const holderSchema = z.string().refine((text) => parseHolder(text) !== null, {
  error: (issue) => {
    const text = String(issue.input);
    return text.startsWith("role:")
      ? `unknown role "${text.slice(5)}" (the roles are ${AIMS_ROLES.join(", ")})`
      : `"${text}" is neither role:<role> nor group:<group name>`;
  },
});

const workingHours = z
  .number({ error: "must be a whole number of working hours, such as 16" })
  .int("must be a whole number of working hours, such as 16")
  .min(1, "must be at least 1 working hour")
  .max(MAX_WORKING_HOURS, `must be at most ${MAX_WORKING_HOURS} working hours`);
const deadlineFields = { deadline: workingHours.optional(), escalateAfter: workingHours.optional() };

const stageSchema = z
  .strictObject({
    ...deadlineFields,
    id: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "must be a short lower-case id (letters, digits, - and _)"),
    name: z.string().trim().min(1).max(60),
    anyOf: z.array(holderSchema).min(1).max(MAX_HOLDERS).optional(),
    allOf: z.array(holderSchema).min(1).max(MAX_HOLDERS).optional(),
    parallel: z.boolean().optional(),
  })
  .refine((stage) => (stage.anyOf === undefined) !== (stage.allOf === undefined), { error: "needs exactly one of anyOf or allOf" });

const policySchema = z.strictObject({
  version: z.number().int().min(1),
  routes: z
    .array(
      z.strictObject({
        tier: z.enum(["low", "medium", "high"]),
        classification: z.string().trim().min(1).max(60).optional(),
        ...deadlineFields,
        stages: z.array(stageSchema).min(1).max(MAX_STAGES),
      }),
    )
    .min(1),
});

type RawPolicy = z.output<typeof policySchema>;

/**
 * Parses and checks a policy; throws ApprovalPolicyError listing every problem with its line. `classifications`:
 * the EU AI Act outcomes a route may name (when given, any other name is a problem).
 */
export function parseApprovalPolicy(text: string, sourceName: string, classifications?: readonly string[]): ApprovalPolicy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    throw new ApprovalPolicyError(
      sourceName,
      document.errors.map((error) => `${sourceName}: line ${error.linePos?.[0]?.line ?? 1}: YAML syntax error: ${error.message.split("\n")[0]}`),
    );
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let length = path.length; length >= 0; length--) {
      const node = document.getIn(path.slice(0, length) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const problem = (path: readonly PropertyKey[], message: string) => `${sourceName}: line ${lineOf(path)}: ${where(path)}${message}`;

  const parsed = policySchema.safeParse(document.toJS());
  if (!parsed.success) throw new ApprovalPolicyError(sourceName, parsed.error.issues.map((issue) => problem(issue.path, issue.message)));
  const problems = crossCheck(parsed.data, classifications).map(({ path, message }) => problem(path, message));
  if (problems.length > 0) throw new ApprovalPolicyError(sourceName, problems);
  return toPolicy(parsed.data, sourceName);
}

function where(path: readonly PropertyKey[]): string {
  const [routes, route, stages, stage, field] = path;
  if (routes !== "routes" || typeof route !== "number") return path.length ? `${path.join(".")}: ` : "";
  const label = `route ${route + 1}`;
  if (stages !== "stages" || typeof stage !== "number") return `${label}${path.length > 2 ? ` ${path.slice(2).join(".")}` : ""}: `;
  return `${label} stage ${stage + 1}${field !== undefined ? ` ${path.slice(4).join(".")}` : ""}: `;
}

/** What the schema alone cannot see: impossible stages and routes. */
function crossCheck(policy: RawPolicy, classifications: readonly string[] | undefined): { path: PropertyKey[]; message: string }[] {
  const problems: { path: PropertyKey[]; message: string }[] = [];
  const routeKeys = new Set<string>();
  policy.routes.forEach((route, r) => {
    if (route.classification && classifications && !classifications.includes(route.classification)) {
      problems.push({ path: ["routes", r, "classification"], message: `unknown classification "${route.classification}" (known: ${classifications.join(", ")})` });
    }
    const key = `${route.tier}/${route.classification ?? ""}`;
    if (routeKeys.has(key)) problems.push({ path: ["routes", r], message: `a second route for tier ${route.tier}${route.classification ? ` and classification ${route.classification}` : ""}` });
    routeKeys.add(key);
    const ids = new Set<string>();
    route.stages.forEach((stage, s) => {
      const at = ["routes", r, "stages", s];
      if (ids.has(stage.id)) problems.push({ path: [...at, "id"], message: `stage id "${stage.id}" is used twice in this route` });
      ids.add(stage.id);
      if (s === 0 && stage.parallel) problems.push({ path: [...at, "parallel"], message: "the first stage cannot be parallel: there is no stage before it" });
      const holders = stage.anyOf ?? stage.allOf ?? [];
      const field = stage.anyOf ? "anyOf" : "allOf";
      holders.forEach((holder, h) => {
        if (holders.indexOf(holder) !== h) problems.push({ path: [...at, field, h], message: `"${holder}" is listed twice` });
      });
    });
  });
  for (const tier of ["low", "medium", "high"] as const) {
    if (!policy.routes.some((route) => route.tier === tier && !route.classification)) {
      problems.push({ path: ["routes"], message: `no route for tier ${tier} without a classification: such requests could never be decided` });
    }
  }
  return problems;
}

function toPolicy(policy: RawPolicy, source: string): ApprovalPolicy {
  return {
    version: policy.version,
    source,
    routes: policy.routes.map((route) => {
      let step = 0;
      return {
        tier: route.tier,
        ...(route.classification ? { classification: route.classification } : {}),
        stages: route.stages.map((stage) => {
          if (!stage.parallel) step += 1;
          return {
            id: stage.id,
            name: stage.name,
            rule: stage.anyOf ? "anyOf" : "allOf",
            holders: stage.anyOf ?? stage.allOf ?? [],
            step,
            deadlineHours: stage.deadline ?? route.deadline ?? DEFAULT_DEADLINE_HOURS,
            escalateAfterHours: stage.escalateAfter ?? route.escalateAfter ?? DEFAULT_ESCALATE_AFTER_HOURS,
          } satisfies ApprovalStage;
        }),
      };
    }),
  };
}

/** The stages a request goes through: the route for its tier and classification, else the route for its tier. */
export function routeFor(policy: ApprovalPolicy, request: { riskTier: RiskTier; classification?: string | null }): ApprovalStage[] {
  const specific = request.classification ? policy.routes.find((route) => route.tier === request.riskTier && route.classification === request.classification) : undefined;
  const route = specific ?? policy.routes.find((route) => route.tier === request.riskTier && !route.classification);
  if (!route) throw new Error(`the approval policy has no route for tier ${request.riskTier}`);
  return route.stages;
}

/** The policy in force: an organisation's own file (AIMS_APPROVAL_POLICY), or the shipped default. */
export async function loadApprovalPolicy(path: string | undefined, classifications?: readonly string[]): Promise<ApprovalPolicy> {
  const file = path ?? defaultApprovalPolicyPath();
  const sourceName = basename(file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ApprovalPolicyError(sourceName, [`${sourceName}: cannot read the approval policy (${error instanceof Error ? error.message : String(error)})`]);
  }
  return parseApprovalPolicy(text, sourceName, classifications);
}

export function defaultApprovalPolicyPath(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let directory = start; ; directory = dirname(directory)) {
    if (existsSync(join(directory, "package.json"))) return join(directory, "src", "features", "requests", "approval-policy", DEFAULT_POLICY_FILE);
    if (dirname(directory) === directory) throw new Error(`no package.json found above ${start}`);
  }
}
