import type { Actor } from "../../core/actor.js";
import type { Prisma } from "../../db/generated/client.js";
import type { RawRequestForm } from "./request-form.js";
import type { RiskTier } from "./risk-tier.js";

/** What another capability adds to a request at intake: stored fields, a floor on its risk tier, controls. */
export interface IntakeAddition {
  fields: { aiActOutcome: string; aiActClassification: Prisma.InputJsonValue };
  /** The tier the request takes at least, with why (for example: high risk under the EU AI Act). */
  raiseTierTo?: { tier: RiskTier; reasons: string[] };
  controls: readonly string[];
}

/**
 * A check another capability makes on the request form's extra questions (the EU AI Act classification): errors
 * under its fields, which keep the request from being filed, or what it adds to the request.
 */
export type RequestIntake = (actor: Actor, form: RawRequestForm) => { ok: false; errors: Record<string, string> } | { ok: true; addition: IntakeAddition };

const RANK: Record<RiskTier, number> = { low: 0, medium: 1, high: 2 };

/** The request's stored fields with the intake's additions: its fields, and its tier raised when it asks. */
export function withIntake<F extends { riskTier: RiskTier; riskReasons: string[] }>(fields: F, addition: IntakeAddition | undefined) {
  if (!addition) return fields;
  const raise = addition.raiseTierTo;
  const risk =
    raise && RANK[raise.tier] > RANK[fields.riskTier]
      ? { riskTier: raise.tier, riskReasons: raise.reasons }
      : raise && raise.tier === fields.riskTier
        ? { riskTier: fields.riskTier, riskReasons: [...fields.riskReasons, ...raise.reasons] }
        : {};
  return { ...fields, ...addition.fields, ...risk };
}
