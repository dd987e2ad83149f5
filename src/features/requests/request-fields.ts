import type { Actor } from "../../core/actor.js";
import type { Prisma as PrismaNamespace } from "../../db/generated/client.js";
import { type ApprovalPolicy, routeFor } from "./approval-policy/approval-policy.js";
import type { RequestInput } from "./request-form.js";
import { assessRisk, type RiskTier } from "./risk-tier.js";

/** A request's stored fields from the form's answers, with the risk tier they come to. */
export function requestFields(input: RequestInput) {
  const risk = assessRisk(input);
  return {
    toolName: input.toolName,
    vendor: input.vendor,
    url: input.url ?? null,
    purpose: input.purpose,
    intendedUsers: input.intendedUsers,
    userCount: input.userCount,
    dataCategories: input.dataCategories,
    customerFacing: input.customerFacing,
    decidesAboutPeople: input.decidesAboutPeople,
    orgRole: input.orgRole,
    riskTier: risk.tier,
    riskReasons: risk.reasons,
  };
}

/** The request with the stages it goes through: routed by its final tier (after the intake raised it) and class. */
export function routed<F extends { riskTier: RiskTier; aiActOutcome?: string }>(fields: F, policy: ApprovalPolicy) {
  const stages = routeFor(policy, { riskTier: fields.riskTier, classification: fields.aiActOutcome });
  return { ...fields, approvalPolicyVersion: policy.version, approvalStages: stages as unknown as PrismaNamespace.InputJsonValue };
}

/** Who filed a new request and when, with its reference and the key that makes a retried submit the same request. */
export function filedBy(actor: Actor, at: Date, reference: string, submissionKey: string) {
  return { createdAt: at, reference, submissionKey, requesterChannel: actor.channel, requesterId: actor.id, requesterName: actor.name };
}
