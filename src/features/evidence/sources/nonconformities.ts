import { column, columns, type EvidenceSource } from "../evidence-source.js";

/** Nonconformities (ISO 42001 10.2): where each came from, the reaction, the root cause, its stage. */
export const nonconformities: EvidenceSource = {
  recordType: "nonconformity",
  title: "Nonconformities",
  file: "nonconformities",
  table: "Nonconformity",
  reference: `t."reference"`,
  date: `t."createdAt"`,
  outcome: `t."status"`,
  columns: [
    column("reference"),
    column("sourceKind", "text"),
    ...columns("sourceRef", "description", "reaction", "rootCause"),
    column("status", "text"),
    ...columns("ownerName", "ownerId", "raisedByName", "raisedById", "checkDueAt", "closedAt", "createdAt", "controls"),
  ],
};

/** Each check of whether a nonconformity's corrective actions worked (10.2), effective or not. */
export const effectivenessChecks: EvidenceSource = {
  recordType: "effectiveness_check",
  title: "Effectiveness checks",
  file: "effectiveness-checks",
  table: "EffectivenessCheck",
  joins: [{ table: "Nonconformity", alias: "n", on: `n."id" = t."nonconformityId"` }],
  reference: `n."reference" || ' check ' || t."id"`,
  date: `t."checkedAt"`,
  outcome: `CASE WHEN t."effective" THEN 'effective' ELSE 'not effective' END`,
  columns: [{ name: "nonconformity", sql: `n."reference"` }, ...columns("effective", "note", "checkerName", "checkerId", "checkedAt", "controls")],
};

/** The continual-improvement log (10.1). */
export const improvements: EvidenceSource = {
  recordType: "improvement",
  title: "Improvement opportunities",
  file: "improvements",
  table: "Improvement",
  joins: [{ table: "Nonconformity", alias: "n", on: `n."id" = t."nonconformityId"`, optional: true }],
  reference: `t."reference"`,
  date: `t."createdAt"`,
  outcome: `t."status"`,
  columns: [
    column("reference"),
    column("sourceKind", "text"),
    { name: "nonconformity", sql: `n."reference"` },
    ...columns("title", "description"),
    column("status", "text"),
    ...columns("statusNote", "raisedByName", "raisedById", "createdAt", "updatedAt", "controls"),
  ],
};
