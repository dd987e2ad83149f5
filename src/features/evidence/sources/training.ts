import { column, columns, type EvidenceSource } from "../evidence-source.js";

const NAME = `(SELECT CASE WHEN p."erasedAt" IS NOT NULL THEN p."pseudonym" ELSE ci."name" END FROM "ChatIdentity" ci JOIN "Person" p ON p."id" = ci."personId" WHERE ci."channel" = t."channel" AND ci."externalId" = t."externalId")`;

/**
 * One row per person and training module version passed, per round (ISO 42001 7.2, 7.3, A.4.6; EU AI Act Art. 4):
 * who, when, in which chat, the score against the pass mark, after how many attempts, and when it is due again.
 */
export const trainingCompletions: EvidenceSource = {
  recordType: "training",
  title: "AI-literacy training passes (per person)",
  file: "training-completions",
  table: "TrainingCompletion",
  reference: `t."moduleId" || ' v' || t."moduleVersion" || ' round ' || t."round" || ' / ' || t."channel"::text || ':' || t."externalId"`,
  date: `t."completedAt"`,
  outcome: `'passed'`,
  columns: [
    ...columns("moduleId", "moduleTitle", "moduleVersion", "round"),
    column("channel", "text"),
    column("externalId"),
    { name: "name", sql: NAME },
    ...columns("campaignId", "correct", "questions", "score", "passMark", "attempts", "completedAt", "dueAgainAt"),
  ],
};
