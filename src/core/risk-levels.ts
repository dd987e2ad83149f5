/** Impact levels of an AI system impact assessment, lowest first; here because settings name them too (months per level). */
export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;

export type RiskLevel = (typeof RISK_LEVELS)[number];

export function riskLevelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

export function higherRiskLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return riskLevelRank(a) >= riskLevelRank(b) ? a : b;
}
