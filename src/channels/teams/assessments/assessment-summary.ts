import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import type { MitigationEntry } from "../../../features/assessments/mitigations.js";
import type { GroupRisk, RiskLevel } from "../../../features/assessments/questionnaire/index.js";
import { textBlock, type CardElement } from "../cards/adaptive-card.js";
import { formatDate, personLabel, truncate } from "../cards/text.js";

const LEVEL_ICONS: Record<RiskLevel, string> = { low: "🟢", medium: "🟡", high: "🔴", critical: "⛔" };
const STATUS_ICONS: Record<ImpactAssessment["status"], string> = { draft: "", submitted: "⏳ ", sent_back: "✏️ ", signed_off: "✅ " };
const W = ASSESSMENT_WORDING.summary;

/** A level as a card shows it: the words with a coloured sign. */
export const levelLabel = (level: RiskLevel) => `${LEVEL_ICONS[level]} ${ASSESSMENT_WORDING.levels[level]}`;
const statusLabel = (status: ImpactAssessment["status"]) => `${STATUS_ICONS[status]}${ASSESSMENT_WORDING.statuses[status]}`;

const assessorOf = (a: ImpactAssessment) => ({ channel: a.assessorChannel, id: a.assessorId, name: a.assessorName });
export const reviewerOf = (a: ImpactAssessment) => ({ channel: a.reviewerChannel ?? "teams", id: a.reviewerId ?? "", name: a.reviewerName });

export function subjectText(assessment: AssessmentWithSubject): string {
  if (assessment.aiSystem) return `${assessment.aiSystem.name} ${W.system(assessment.aiSystem.reference)}`;
  if (assessment.request) return `${assessment.request.toolName} ${W.request(assessment.request.reference)}`;
  return W.anySystem;
}

export function reasonsBlock(reasons: readonly string[]): CardElement {
  return textBlock(truncate(reasons.map((reason) => `- ${reason}`).join("\n"), 3000));
}

/** What anyone may read about an assessment: the result, why, the commitments and the review, never the raw answers. */
export function assessmentSummary(assessment: AssessmentWithSubject): CardElement[] {
  const facts: { title: string; value: string }[] = [
    { title: W.statusLabel, value: statusLabel(assessment.status) },
    { title: W.levelLabel, value: assessment.level ? levelLabel(assessment.level) : W.notScored },
    { title: W.assessorLabel, value: personLabel(assessorOf(assessment)) },
    { title: W.questionnaireLabel, value: W.questionnaire(assessment.definitionId, assessment.definitionVersion) },
  ];
  if (assessment.signedOffAt && assessment.reviewerId) {
    facts.push({ title: W.signedOffLabel, value: W.signedOff(formatDate(assessment.signedOffAt), personLabel(reviewerOf(assessment))) });
  }
  if (assessment.nextReassessmentAt) facts.push({ title: W.nextDueLabel, value: formatDate(assessment.nextReassessmentAt) });

  const body: CardElement[] = [
    textBlock(truncate(`${assessment.reference}: ${W.of(subjectText(assessment))}`, 200), { size: "large", weight: "bolder" }),
    { type: "FactSet", facts },
  ];
  if (assessment.trigger === "significant_change") {
    body.push(textBlock(`**${W.significantChange}** ${truncate(assessment.changeDescription ?? W.notDescribed, 1000)}`));
  }
  if (assessment.reasons.length > 0) body.push(textBlock(`**${W.whyThisLevel}**`), reasonsBlock(assessment.reasons));
  const groups = (assessment.groupRisks ?? []) as unknown as GroupRisk[];
  if (groups.length > 0) {
    const lines = groups.map((g) => `- ${W.groupRisk(g.label, g.likelihood, g.severity, g.risk, levelLabel(g.level))}`);
    body.push(textBlock(`**${W.affectedGroups}**`), textBlock(truncate(lines.join("\n"), 3000)));
  }
  const mitigations = (assessment.mitigations ?? []) as unknown as MitigationEntry[];
  if (mitigations.length > 0) {
    const lines = mitigations.map((entry) => `- _${entry.question}_ ${truncate(entry.answer, 600)}`);
    body.push(textBlock(`**${W.mitigations}**`), textBlock(truncate(lines.join("\n"), 4000)));
  }
  if (assessment.status === "sent_back" && assessment.reviewComments) {
    body.push(textBlock(`**${W.sentBackBy(personLabel(reviewerOf(assessment)))}** “${truncate(assessment.reviewComments, 2000)}”`));
  }
  return body;
}
