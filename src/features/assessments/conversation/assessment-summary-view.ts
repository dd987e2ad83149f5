import { type Block, context, day, fields, person, section, truncate } from "../../../conversation/message.js";
import type { MitigationEntry } from "../mitigations.js";
import type { GroupRisk, RiskLevel } from "../questionnaire/index.js";
import type { AssessmentWithSubject } from "../sign-off-flow.js";
import { ASSESSMENT_WORDING } from "./assessment-wording.js";

const W = ASSESSMENT_WORDING.summary;
/** Slack sections hold 3,000 characters; a Teams card is kept as small. */
const SECTION_MAX = 3000;
const LEVEL_ICONS: Record<RiskLevel, string> = { low: "🟢", medium: "🟡", high: "🔴", critical: "⛔" };
const STATUS_ICONS: Record<AssessmentWithSubject["status"], string> = { draft: "", submitted: "⏳ ", sent_back: "✏️ ", signed_off: "✅ " };

/** A level as a summary shows it: the word with a coloured sign. */
export const levelLabel = (level: RiskLevel) => `${LEVEL_ICONS[level]} ${ASSESSMENT_WORDING.levels[level]}`;
const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join("\n");
const titled = (title: string, text: string) => section([truncate(`**${title}**\n${text}`, SECTION_MAX)]);

export const reviewerOf = (a: Pick<AssessmentWithSubject, "reviewerChannel" | "assessorChannel" | "reviewerId" | "reviewerName">) =>
  person({ channel: a.reviewerChannel ?? a.assessorChannel, id: a.reviewerId ?? "", name: a.reviewerName });

export function subjectText(assessment: AssessmentWithSubject): string {
  if (assessment.aiSystem) return `**${assessment.aiSystem.name}** ${W.system(assessment.aiSystem.reference)}`;
  if (assessment.request) return `**${assessment.request.toolName}** ${W.request(assessment.request.reference)}`;
  return W.anySystem;
}

/** What anyone may read about an assessment: the result, why, the commitments and the review, never the raw answers. */
export function assessmentSummaryBlocks(assessment: AssessmentWithSubject): Block[] {
  const facts: { label: string; value: string }[] = [
    { label: W.statusLabel, value: `${STATUS_ICONS[assessment.status]}${ASSESSMENT_WORDING.statuses[assessment.status]}` },
    { label: W.levelLabel, value: assessment.level ? levelLabel(assessment.level) : W.notScored },
    { label: W.assessorLabel, value: person({ channel: assessment.assessorChannel, id: assessment.assessorId, name: assessment.assessorName }) },
    { label: W.questionnaireLabel, value: W.questionnaire(assessment.definitionId, assessment.definitionVersion) },
  ];
  if (assessment.signedOffAt && assessment.reviewerId) {
    facts.push({ label: W.signedOffLabel, value: W.signedOff(day(assessment.signedOffAt), reviewerOf(assessment)) });
  }
  if (assessment.nextReassessmentAt) facts.push({ label: W.nextDueLabel, value: day(assessment.nextReassessmentAt) });

  const blocks: Block[] = [section([truncate(`**${assessment.reference}** · ${W.of(subjectText(assessment))}`, SECTION_MAX)]), fields(facts)];
  if (assessment.trigger === "significant_change") {
    blocks.push(section([truncate(`**${W.significantChange}** ${assessment.changeDescription ?? W.notDescribed}`, SECTION_MAX)]));
  }
  if (assessment.reasons.length > 0) blocks.push(titled(W.whyThisLevel, bullets(assessment.reasons)));
  const groups = (assessment.groupRisks ?? []) as unknown as GroupRisk[];
  if (groups.length > 0) {
    blocks.push(titled(W.affectedGroups, bullets(groups.map((g) => W.groupRisk(g.label, g.likelihood, g.severity, g.risk, levelLabel(g.level))))));
  }
  const mitigations = (assessment.mitigations ?? []) as unknown as MitigationEntry[];
  if (mitigations.length > 0) blocks.push(titled(W.mitigations, bullets(mitigations.map((entry) => `_${entry.question}_ ${truncate(entry.answer, 600)}`))));
  if (assessment.status === "sent_back" && assessment.reviewComments) {
    blocks.push(section([`**${W.sentBackBy(reviewerOf(assessment))}** “${truncate(assessment.reviewComments, 2000)}”`]));
  }
  return blocks;
}

/** Under a sign-off request once it is decided: who decided what (and when the next re-assessment is due). */
export function reviewOutcomeBlock(assessment: AssessmentWithSubject): Block {
  const W = ASSESSMENT_WORDING.signOff;
  const bold = (text: string) => `**${text}**`;
  const reviewer = assessment.reviewerId ? reviewerOf(assessment) : W.anOwner;
  if (assessment.status === "signed_off") {
    return context(W.signedOff(reviewer, assessment.nextReassessmentAt ? day(assessment.nextReassessmentAt) : undefined, bold));
  }
  return context(assessment.status === "sent_back" ? W.sentBack(reviewer, bold) : W.revising);
}
