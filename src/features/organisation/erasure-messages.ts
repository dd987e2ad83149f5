import type { ErasureResult } from "./erasure.js";

/** What both channels say around an erasure. */
export const ERASURE_WORDING = {
  description: "AIMS owners: erase a leaver's personal data on request (GDPR Art. 17); records and the audit chain are kept.",
  confirm: "I understand this cannot be undone",
} as const;

/** What both channels tell the owner about an erasure. */
export function describeErasure(result: ErasureResult): string {
  switch (result.kind) {
    case "erased": {
      const { pseudonym, records, auditEvents, rolesEnded } = result;
      const kept = auditEvents.kept > 0 ? ` ${auditEvents.kept} audit event(s) recorded before erasable fields existed keep their data (their hash covers it).` : "";
      const roles = rolesEnded > 0 ? ` ${rolesEnded} role(s) they held ended.` : "";
      return `Erased. They are now "${pseudonym}" in ${records} record(s) and ${auditEvents.erased} audit event(s); the audit chain still verifies.${roles}${kept}`;
    }
    case "invalid":
      return Object.values(result.errors).join(" ");
    default:
      return result.message;
  }
}
