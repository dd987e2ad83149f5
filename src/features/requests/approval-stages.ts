import type { AiToolRequest, RequestStageDecision } from "../../db/generated/client.js";
import type { Actor } from "../../core/actor.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import { type ApprovalPolicy, type ApprovalStage, DEFAULT_DEADLINE_HOURS, DEFAULT_ESCALATE_AFTER_HOURS, parseHolder } from "./approval-policy/approval-policy.js";

/** The stage of requests made before stages existed, and of the default policy: any one approver. */
export const SINGLE_APPROVER_STAGE: ApprovalStage = {
  id: "approval",
  name: "Approver",
  rule: "anyOf",
  holders: ["role:approver"],
  step: 1,
  deadlineHours: DEFAULT_DEADLINE_HOURS,
  escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
};

/** The policy when none is given: every tier goes to one stage of any approver. */
export const SINGLE_APPROVER_POLICY: ApprovalPolicy = {
  version: 1,
  source: "built-in",
  routes: (["low", "medium", "high"] as const).map((tier) => ({ tier, stages: [SINGLE_APPROVER_STAGE] })),
};

/** The slot an any-of stage is decided in; an all-of stage has one slot per holder it lists. */
export const ANY_SLOT = "any";

export type StageState = "approved" | "rejected" | "changes_requested" | "waiting" | "later";

export interface StageProgress {
  stage: ApprovalStage;
  state: StageState;
  /** The decisions taken in the stage so far. */
  decisions: RequestStageDecision[];
  /** The holders still to decide an all-of stage (for an any-of stage, all of them while waiting). */
  waitingFor: string[];
}

/** The stages a request goes through, as it was routed (routed before deadlines existed: the default deadlines). */
export function stagesOf(request: Pick<AiToolRequest, "approvalStages">): ApprovalStage[] {
  const stored = request.approvalStages;
  if (!Array.isArray(stored) || stored.length === 0) return [SINGLE_APPROVER_STAGE];
  return (stored as unknown as ApprovalStage[]).map((stage) => ({
    ...stage,
    deadlineHours: stage.deadlineHours ?? DEFAULT_DEADLINE_HOURS,
    escalateAfterHours: stage.escalateAfterHours ?? DEFAULT_ESCALATE_AFTER_HOURS,
  }));
}

export const slotsOf = (stage: ApprovalStage): string[] => (stage.rule === "anyOf" ? [ANY_SLOT] : stage.holders);

/** Which holders may fill a slot: any of the stage's holders, or the one holder the slot is for. */
export const holdersOfSlot = (stage: ApprovalStage, slot: string): string[] => (slot === ANY_SLOT ? stage.holders : [slot]);

function stageState(stage: ApprovalStage, decisions: RequestStageDecision[]): Exclude<StageState, "later"> {
  const refusal = decisions.find((decision) => decision.outcome !== "approved");
  if (refusal) return refusal.outcome;
  const approved = new Set(decisions.map((decision) => decision.slot));
  return slotsOf(stage).every((slot) => approved.has(slot)) ? "approved" : "waiting";
}

/** Where each stage of one revision stands: decided, open (waiting) or not open yet (later). */
export function progressOf(stages: ApprovalStage[], decisions: RequestStageDecision[]): StageProgress[] {
  const states = stages.map((stage) => {
    const own = decisions.filter((decision) => decision.stageId === stage.id);
    return { stage, decisions: own, state: stageState(stage, own) as StageState };
  });
  const open = openStep(stages, decisions);
  return states.map((entry) => {
    const state: StageState = entry.state === "waiting" && entry.stage.step !== open ? "later" : entry.state;
    const taken = new Set(entry.decisions.map((decision) => decision.slot));
    const waitingFor = entry.stage.rule === "anyOf" ? (taken.size ? [] : entry.stage.holders) : entry.stage.holders.filter((holder) => !taken.has(holder));
    return { ...entry, state, waitingFor };
  });
}

/** The lowest step with a stage not yet approved, or null when every stage is approved. */
export function openStep(stages: ApprovalStage[], decisions: RequestStageDecision[]): number | null {
  const pending = stages.filter((stage) => stageState(stage, decisions.filter((decision) => decision.stageId === stage.id)) !== "approved");
  return pending.length ? Math.min(...pending.map((stage) => stage.step)) : null;
}

/** Whether the account holds `holder` now: the role, or membership (through any account of the same person) of the group. */
export async function holds(tx: Tx | Prisma, roles: Roles, actor: Pick<Actor, "channel" | "id">, holder: string): Promise<boolean> {
  const parsed = parseHolder(holder);
  if (!parsed) return false;
  if (parsed.kind === "role") return roles.has(actor, parsed.role, tx as Tx);
  const own = await tx.chatIdentity.findUnique({ where: { channel_externalId: { channel: actor.channel, externalId: actor.id } } });
  const accounts = own
    ? await tx.chatIdentity.findMany({ where: { personId: own.personId, deactivatedAt: null }, select: { channel: true, externalId: true } })
    : [{ channel: actor.channel, externalId: actor.id }];
  if (own?.deactivatedAt) return false;
  const member = await tx.groupMembership.findFirst({
    where: { until: null, group: { name: parsed.name, grants: { some: { effectiveUntil: null } } }, OR: accounts.map((account) => ({ channel: account.channel, externalId: account.externalId })) },
  });
  return member !== null;
}
