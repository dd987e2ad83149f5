import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import type { MitigationEntry } from "../../../features/assessments/mitigations.js";
import type { GroupRisk, RiskLevel } from "../../../features/assessments/questionnaire/index.js";
import { textBlock, type CardElement } from "../cards/adaptive-card.js";
import { formatDate, personLabel, truncate } from "../cards/text.js";

export const LEVEL_LABELS: Record<RiskLevel, string> = { low: "🟢 Low", medium: "🟡 Medium", high: "🔴 High", critical: "⛔ Critical" };

const STATUS_LABELS: Record<ImpactAssessment["status"], string> = {
  draft: "Draft",
  submitted: "⏳ Waiting for sign-off",
  sent_back: "✏️ Sent back for changes",
  signed_off: "✅ Signed off",
};

const assessorOf = (a: ImpactAssessment) => ({ channel: a.assessorChannel, id: a.assessorId, name: a.assessorName });
export const reviewerOf = (a: ImpactAssessment) => ({ channel: a.reviewerChannel ?? "teams", id: a.reviewerId ?? "", name: a.reviewerName });

export function subjectText(assessment: AssessmentWithSubject): string {
  if (assessment.aiSystem) return `${assessment.aiSystem.name} (${assessment.aiSystem.reference})`;
  if (assessment.request) return `${assessment.request.toolName} (request ${assessment.request.reference})`;
  return "an AI system";
}

export function reasonsBlock(reasons: readonly string[]): CardElement {
  return textBlock(truncate(reasons.map((reason) => `- ${reason}`).join("\n"), 3000));
}

/** What anyone may read about an assessment: the result, why, the commitments and the review, never the raw answers. */
export function assessmentSummary(assessment: AssessmentWithSubject): CardElement[] {
  const facts = [
    { title: "Status", value: STATUS_LABELS[assessment.status] },
    { title: "Impact level", value: assessment.level ? LEVEL_LABELS[assessment.level] : "not scored yet" },
    { title: "Assessor", value: personLabel(assessorOf(assessment)) },
    { title: "Questionnaire", value: `${assessment.definitionId} version ${assessment.definitionVersion}` },
  ];
  if (assessment.signedOffAt && assessment.reviewerId) {
    facts.push({ title: "Signed off", value: `${formatDate(assessment.signedOffAt)} by ${personLabel(reviewerOf(assessment))}` });
  }
  if (assessment.nextReassessmentAt) facts.push({ title: "Next re-assessment due", value: formatDate(assessment.nextReassessmentAt) });

  const body: CardElement[] = [
    textBlock(truncate(`${assessment.reference}: impact assessment of ${subjectText(assessment)}`, 200), { size: "large", weight: "bolder" }),
    { type: "FactSet", facts },
  ];
  if (assessment.trigger === "significant_change") {
    body.push(textBlock(`**Re-assessment after a significant change:** ${truncate(assessment.changeDescription ?? "(not described)", 1000)}`));
  }
  if (assessment.reasons.length > 0) body.push(textBlock("**Why this level**"), reasonsBlock(assessment.reasons));
  const groups = (assessment.groupRisks ?? []) as unknown as GroupRisk[];
  if (groups.length > 0) {
    const lines = groups.map((g) => `- ${g.label}: likelihood ${g.likelihood} × severity ${g.severity} = ${g.risk} (${LEVEL_LABELS[g.level]})`);
    body.push(textBlock("**Affected groups**"), textBlock(truncate(lines.join("\n"), 3000)));
  }
  const mitigations = (assessment.mitigations ?? []) as unknown as MitigationEntry[];
  if (mitigations.length > 0) {
    const lines = mitigations.map((entry) => `- _${entry.question}_ ${truncate(entry.answer, 600)}`);
    body.push(textBlock("**Mitigations committed to**"), textBlock(truncate(lines.join("\n"), 4000)));
  }
  if (assessment.status === "sent_back" && assessment.reviewComments) {
    body.push(textBlock(`**Sent back by ${personLabel(reviewerOf(assessment))}:** “${truncate(assessment.reviewComments, 2000)}”`));
  }
  return body;
}
