/**
 * The roles an organisation may hold towards AI (clause 4.1 context): it uses AI tools, builds them into
 * products and services it offers, or develops and trains AI systems itself. One organisation may hold several.
 */
export const ORG_ROLES = ["ai_user", "ai_provider", "ai_producer"] as const;

export type OrgRole = (typeof ORG_ROLES)[number];

export const ORG_ROLE_LABELS: Readonly<Record<OrgRole, string>> = {
  ai_user: "AI user",
  ai_provider: "AI provider",
  ai_producer: "AI producer",
};

/** What holding each role means, in words the AIMS owner chooses by. */
export const ORG_ROLE_DESCRIPTIONS: Readonly<Record<OrgRole, string>> = {
  ai_user: "We use AI tools acquired from suppliers in our own work.",
  ai_provider: "We build AI from suppliers into the products and services we offer.",
  ai_producer: "We develop and train AI systems ourselves.",
};

const ORG_ROLE_SET: ReadonlySet<string> = new Set(ORG_ROLES);

export function isOrgRole(value: unknown): value is OrgRole {
  return typeof value === "string" && ORG_ROLE_SET.has(value);
}
