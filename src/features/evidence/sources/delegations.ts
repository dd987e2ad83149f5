import { column, columns, type EvidenceSource } from "../evidence-source.js";

/**
 * Delegations of approval (A.3.2, A.9.2): who covered for which approver, for what, from when to when and why, and
 * whether it ran its course or was cancelled. The decisions a delegate took name the delegation (approval decisions).
 */
export const delegations: EvidenceSource = {
  recordType: "role_assignment",
  title: "Delegations of approval",
  file: "delegations",
  table: "Delegation",
  textId: true,
  reference: `'delegation ' || left(t."id", 8)`,
  date: `t."validFrom"`,
  outcome: `CASE WHEN t."cancelledAt" IS NOT NULL THEN 'cancelled' ELSE 'until its last day' END`,
  columns: [
    column("id"),
    ...columns("delegatorName", "delegatorId", "delegateName", "delegateId", "holder", "validFrom", "validUntil", "reason", "createdAt", "cancelledAt", "controls"),
  ],
};
