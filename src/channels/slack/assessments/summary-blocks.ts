import type { KnownBlock } from "@slack/types";
import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import type { GroupRisk, RiskLevel } from "../../../features/assessments/questionnaire/index.js";
import type { MitigationEntry } from "../../../features/assessments/mitigations.js";
import { mention } from "../slack-actor.js";
import { escapeMrkdwn, formatDate, truncate } from "../blocks/text.js";

export const LEVEL_LABELS: Record<RiskLevel, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

const STATUS_LABELS: Record<ImpactAssessment["status"], string> = {
  draft: "Draft",
  submitted: "Waiting for sign-off",
  sent_back: "Sent back for changes",
  signed_off: "Signed off",
};

const SECTION_MAX = 3000;

export function reasonsText(reasons: readonly string[]): string {
  return truncate(reasons.map((reason) => `• ${escapeMrkdwn(reason)}`).join("\n"), SECTION_MAX);
}

export function subjectText(assessment: AssessmentWithSubject): string {
  if (assessment.aiSystem) return `*${escapeMrkdwn(assessment.aiSystem.name)}* (${assessment.aiSystem.reference})`;
  if (assessment.request) return `*${escapeMrkdwn(assessment.request.toolName)}* (request ${assessment.request.reference})`;
  return "an AI system";
}

function text(markdown: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(markdown, SECTION_MAX) } };
}

/** What anyone may read about an assessment: the result, why, the commitments and the review, never the raw answers. */
export function assessmentSummaryBlocks(assessment: AssessmentWithSubject): KnownBlock[] {
  const fields = [
    `*Status*\n${STATUS_LABELS[assessment.status]}`,
    `*Impact level*\n${assessment.level ? LEVEL_LABELS[assessment.level] : "not scored yet"}`,
    `*Assessor*\n${mention({ channel: assessment.assessorChannel, id: assessment.assessorId, name: assessment.assessorName })}`,
    `*Questionnaire*\n${escapeMrkdwn(assessment.definitionId)} version ${escapeMrkdwn(assessment.definitionVersion)}`,
  ];
  if (assessment.signedOffAt && assessment.reviewerId) {
    fields.push(`*Signed off*\n${formatDate(assessment.signedOffAt)} by ${mention({ channel: assessment.reviewerChannel ?? "slack", id: assessment.reviewerId, name: assessment.reviewerName })}`);
  }
  if (assessment.nextReassessmentAt) fields.push(`*Next re-assessment due*\n${formatDate(assessment.nextReassessmentAt)}`);

  const blocks: KnownBlock[] = [
    text(`*${assessment.reference}* · impact assessment of ${subjectText(assessment)}`),
    { type: "section", fields: fields.map((field) => ({ type: "mrkdwn" as const, text: field })) },
  ];
  if (assessment.trigger === "significant_change") {
    blocks.push(text(`*Re-assessment after a significant change:* ${escapeMrkdwn(assessment.changeDescription ?? "(not described)")}`));
  }
  if (assessment.reasons.length > 0) blocks.push(text(`*Why this level*\n${reasonsText(assessment.reasons)}`));
  const groups = (assessment.groupRisks ?? []) as unknown as GroupRisk[];
  if (groups.length > 0) {
    const lines = groups.map((group) => `• ${escapeMrkdwn(group.label)}: likelihood ${group.likelihood} × severity ${group.severity} = ${group.risk} (${LEVEL_LABELS[group.level]})`);
    blocks.push(text(`*Affected groups*\n${lines.join("\n")}`));
  }
  const mitigations = (assessment.mitigations ?? []) as unknown as MitigationEntry[];
  if (mitigations.length > 0) {
    const lines = mitigations.map((entry) => `• _${escapeMrkdwn(entry.question)}_ ${escapeMrkdwn(truncate(entry.answer, 600))}`);
    blocks.push(text(`*Mitigations committed to*\n${lines.join("\n")}`));
  }
  if (assessment.status === "sent_back" && assessment.reviewComments) {
    blocks.push(text(`*Sent back by ${mention({ channel: assessment.reviewerChannel ?? "slack", id: assessment.reviewerId ?? "", name: assessment.reviewerName })}:*\n>${escapeMrkdwn(assessment.reviewComments)}`));
  }
  return blocks;
}
