import { column, columns, type EvidenceSource } from "../evidence-source.js";

/** Outcomes of impact assessments; the answers themselves stay in the bot (long, and may describe people). */
export const impactAssessments: EvidenceSource = {
  recordType: "impact_assessment",
  title: "AI system impact assessments",
  file: "impact-assessments",
  table: "ImpactAssessment",
  reference: `t."reference"`,
  date: `t."createdAt"`,
  outcome: `t."status"`,
  columns: [
    ...columns("reference", "aiSystemId", "requestId"),
    column("trigger", "text"),
    ...columns("changeDescription", "definitionId", "definitionVersion"),
    column("status", "text"),
    column("round"),
    column("level", "text"),
    ...columns("reasons", "assessorName", "assessorId", "submittedAt", "reviewerName", "reviewerId"),
    ...columns("reviewComments", "signedOffAt", "nextReassessmentAt", "createdAt", "controls"),
  ],
  redaction: "Questionnaire answers are not included; they are kept in the bot with each assessment.",
};
