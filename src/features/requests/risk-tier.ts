import type { RequestInput } from "./request-form.js";

export type RiskTier = "low" | "medium" | "high";

export interface RiskAssessment {
  tier: RiskTier;
  reasons: string[];
}

type Rule = { tier: Exclude<RiskTier, "low">; applies: (r: RequestInput) => boolean; reason: string };

const has = (r: RequestInput, category: RequestInput["dataCategories"][number]) => r.dataCategories.includes(category);

/**
 * The intake risk-tiering rules (ISO 42001 6.1.2). A request takes the highest tier of any rule that applies;
 * with none, it is low. Each reason is shown to approvers as written.
 */
export const RISK_RULES: readonly Rule[] = [
  { tier: "high", applies: (r) => has(r, "special_category"), reason: "processes special-category personal data" },
  { tier: "high", applies: (r) => r.decidesAboutPeople, reason: "is used to make or inform decisions about people" },
  {
    tier: "high",
    applies: (r) => r.customerFacing && (has(r, "personal") || has(r, "customer")),
    reason: "puts output based on personal or customer data in front of customers",
  },
  { tier: "high", applies: (r) => r.orgRole === "ai_producer", reason: "we build or train the AI system ourselves" },
  { tier: "medium", applies: (r) => has(r, "personal"), reason: "processes personal data" },
  { tier: "medium", applies: (r) => has(r, "customer"), reason: "processes customer data" },
  { tier: "medium", applies: (r) => has(r, "confidential"), reason: "processes confidential business information" },
  { tier: "medium", applies: (r) => has(r, "source_code"), reason: "processes source code" },
  { tier: "medium", applies: (r) => r.customerFacing, reason: "its output reaches customers" },
  { tier: "medium", applies: (r) => r.orgRole === "ai_provider", reason: "we provide it to customers in our product" },
  { tier: "medium", applies: (r) => r.userCount > 250, reason: "more than 250 people will use it" },
];

const RANK: Record<RiskTier, number> = { low: 0, medium: 1, high: 2 };

export function assessRisk(request: RequestInput): RiskAssessment {
  const matched = RISK_RULES.filter((rule) => rule.applies(request));
  if (matched.length === 0) {
    return { tier: "low", reasons: ["only public or internal information, used internally by a small group"] };
  }
  const tier = matched.reduce<RiskTier>((top, rule) => (RANK[rule.tier] > RANK[top] ? rule.tier : top), "medium");
  return { tier, reasons: matched.filter((rule) => rule.tier === tier).map((rule) => rule.reason) };
}
