import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { KnownBlock } from "@slack/types";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import type { GroupRisk, RiskLevel } from "../../../features/assessments/questionnaire/index.js";
import type { MitigationEntry } from "../../../features/assessments/mitigations.js";
import { mention } from "../slack-actor.js";
import { escapeMrkdwn, formatDate, truncate } from "../blocks/text.js";

export const LEVEL_LABELS: Record<RiskLevel, string> = ASSESSMENT_WORDING.levels;
const W = ASSESSMENT_WORDING.summary;
const bold = (text: string) => `*${text}*`;

const SECTION_MAX = 3000;

export function reasonsText(reasons: readonly string[]): string {
  return truncate(reasons.map((reason) => `• ${escapeMrkdwn(reason)}`).join("\n"), SECTION_MAX);
}

export function subjectText(assessment: AssessmentWithSubject): string {
  if (assessment.aiSystem) return `${bold(escapeMrkdwn(assessment.aiSystem.name))} ${W.system(assessment.aiSystem.reference)}`;
  if (assessment.request) return `${bold(escapeMrkdwn(assessment.request.toolName))} ${W.request(assessment.request.reference)}`;
  return W.anySystem;
}

function text(markdown: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(markdown, SECTION_MAX) } };
}

/** What anyone may read about an assessment: the result, why, the commitments and the review, never the raw answers. */
export function assessmentSummaryBlocks(assessment: AssessmentWithSubject): KnownBlock[] {
  const fields = [
    `${bold(W.statusLabel)}\n${ASSESSMENT_WORDING.statuses[assessment.status]}`,
    `${bold(W.levelLabel)}\n${assessment.level ? LEVEL_LABELS[assessment.level] : W.notScored}`,
    `${bold(W.assessorLabel)}\n${mention({ channel: assessment.assessorChannel, id: assessment.assessorId, name: assessment.assessorName })}`,
    `${bold(W.questionnaireLabel)}\n${W.questionnaire(escapeMrkdwn(assessment.definitionId), escapeMrkdwn(assessment.definitionVersion))}`,
  ];
  if (assessment.signedOffAt && assessment.reviewerId) {
    const reviewer = mention({ channel: assessment.reviewerChannel ?? "slack", id: assessment.reviewerId, name: assessment.reviewerName });
    fields.push(`${bold(W.signedOffLabel)}\n${W.signedOff(formatDate(assessment.signedOffAt), reviewer)}`);
  }
  if (assessment.nextReassessmentAt) fields.push(`${bold(W.nextDueLabel)}\n${formatDate(assessment.nextReassessmentAt)}`);

  const blocks: KnownBlock[] = [
    text(`${bold(assessment.reference)} · ${W.of(subjectText(assessment))}`),
    { type: "section", fields: fields.map((field) => ({ type: "mrkdwn" as const, text: field })) },
  ];
  if (assessment.trigger === "significant_change") {
    blocks.push(text(`${bold(W.significantChange)} ${escapeMrkdwn(assessment.changeDescription ?? W.notDescribed)}`));
  }
  if (assessment.reasons.length > 0) blocks.push(text(`${bold(W.whyThisLevel)}\n${reasonsText(assessment.reasons)}`));
  const groups = (assessment.groupRisks ?? []) as unknown as GroupRisk[];
  if (groups.length > 0) {
    const lines = groups.map((group) => `• ${W.groupRisk(escapeMrkdwn(group.label), group.likelihood, group.severity, group.risk, LEVEL_LABELS[group.level])}`);
    blocks.push(text(`${bold(W.affectedGroups)}\n${lines.join("\n")}`));
  }
  const mitigations = (assessment.mitigations ?? []) as unknown as MitigationEntry[];
  if (mitigations.length > 0) {
    const lines = mitigations.map((entry) => `• _${escapeMrkdwn(entry.question)}_ ${escapeMrkdwn(truncate(entry.answer, 600))}`);
    blocks.push(text(`${bold(W.mitigations)}\n${lines.join("\n")}`));
  }
  if (assessment.status === "sent_back" && assessment.reviewComments) {
    blocks.push(text(`${bold(W.sentBackBy(mention({ channel: assessment.reviewerChannel ?? "slack", id: assessment.reviewerId ?? "", name: assessment.reviewerName })))}\n>${escapeMrkdwn(assessment.reviewComments)}`));
  }
  return blocks;
}
