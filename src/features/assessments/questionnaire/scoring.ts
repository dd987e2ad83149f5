import type { Question, QuestionnaireDefinition, ScoringRule } from "./definition-schema.js";
import { listQuestions, questionsById } from "./definition-index.js";
import type { AnswerValue } from "./answer-value.js";
import { type Answers, effectiveAnswers } from "./answers.js";
import { conditionHolds } from "./visibility.js";
import { renderReasonTemplate } from "./reason-template.js";
import { RISK_LEVELS, type RiskLevel, higherRiskLevel, riskLevelRank } from "../../../core/risk-levels.js";

/**
 * Scoring rules (also in SCORING.md). The overall level is the highest of:
 *  1. each affected group (likelihood_severity question): likelihood x severity, bucketed by
 *     scoring.likelihood_severity_levels (default 1-4 low, 5-9 medium, 10-16 high, 20-25 critical);
 *  2. each chosen option with `raises_to`, with the option's reason;
 *  3. the sum of the chosen options' weights against scoring.weight_levels thresholds;
 *  4. each scoring rule whose conditions hold (combinations of answers), with the rule's reason.
 * Only valid answers to questions currently shown count. With nothing raised, the level is low.
 */

export interface GroupRisk {
  readonly groupId: string;
  readonly label: string;
  readonly likelihood: number;
  readonly severity: number;
  readonly risk: number;
  readonly level: RiskLevel;
}

export interface AssessmentScore {
  readonly level: RiskLevel;
  /** Sentences for approvers, highest level first, each starting with its level, e.g. "high: ...". */
  readonly reasons: string[];
  readonly groups: GroupRisk[];
  readonly totalWeight: number;
}

interface Finding {
  readonly level: RiskLevel;
  readonly text: string;
}

interface WeightContribution {
  readonly label: string;
  readonly weight: number;
}

export function scoreAssessment(definition: QuestionnaireDefinition, answers: Readonly<Record<string, unknown>>): AssessmentScore {
  const counted = effectiveAnswers(definition, answers);
  const answerText = describeAnswerFor(definition, counted);
  const findings: Finding[] = [];

  const groups = groupRisks(definition, counted);
  for (const group of groups) {
    if (group.level !== "low") {
      findings.push({
        level: group.level,
        text: `impact on ${group.label} is rated likelihood ${group.likelihood} × severity ${group.severity} = ${group.risk}`,
      });
    }
  }

  const contributions: WeightContribution[] = [];
  for (const { question } of listQuestions(definition)) {
    for (const option of chosenOptions(question, counted[question.id])) {
      if (option.weight !== undefined && option.weight !== 0) contributions.push({ label: option.label, weight: option.weight });
      if (option.raises_to !== undefined && option.reason !== undefined) {
        findings.push({ level: option.raises_to, text: renderReasonTemplate(option.reason, { option: option.label, answerText }) });
      }
    }
  }
  const totalWeight = contributions.reduce((sum, contribution) => sum + contribution.weight, 0);
  const weightFinding = weightThresholdFinding(definition, totalWeight, contributions);
  if (weightFinding !== undefined) findings.push(weightFinding);

  for (const rule of definition.scoring.rules) {
    if (ruleHolds(rule, counted)) findings.push({ level: rule.raises_to, text: renderReasonTemplate(rule.reason, { answerText }) });
  }

  const level = findings.reduce<RiskLevel>((highest, finding) => higherRiskLevel(highest, finding.level), "low");
  return { level, reasons: reasonsFrom(findings), groups, totalWeight };
}

export function likelihoodSeverityLevel(definition: QuestionnaireDefinition, risk: number): RiskLevel {
  const buckets = definition.scoring.likelihood_severity_levels;
  return (buckets.find((bucket) => risk <= bucket.max) ?? buckets[buckets.length - 1]!).level;
}

function groupRisks(definition: QuestionnaireDefinition, counted: Answers): GroupRisk[] {
  return listQuestions(definition).flatMap(({ question }) => {
    const answer = counted[question.id];
    if (question.type !== "likelihood_severity" || !isLikelihoodSeverity(answer)) return [];
    const risk = answer.likelihood * answer.severity;
    return [
      {
        groupId: question.id,
        label: question.group_label ?? question.label,
        likelihood: answer.likelihood,
        severity: answer.severity,
        risk,
        level: likelihoodSeverityLevel(definition, risk),
      },
    ];
  });
}

function chosenOptions(question: Question, answer: AnswerValue | undefined) {
  if (answer === undefined || (question.type !== "single_choice" && question.type !== "multi_choice")) return [];
  const chosen = [answer].flat();
  return (question.options ?? []).filter((option) => chosen.includes(option.value));
}

function weightThresholdFinding(definition: QuestionnaireDefinition, total: number, contributions: WeightContribution[]): Finding | undefined {
  const thresholds = definition.scoring.weight_levels;
  const level = [...RISK_LEVELS].reverse().find((candidate) => {
    const threshold = candidate === "low" ? undefined : thresholds[candidate];
    return threshold !== undefined && total >= threshold;
  });
  if (level === undefined || level === "low") return undefined;
  const largest = [...contributions]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map((contribution) => `"${contribution.label}" (${contribution.weight})`);
  return {
    level,
    text: `the answers add up to a risk weight of ${total}, at or above the ${level} threshold of ${thresholds[level]}; the largest contributions are ${joinWords(largest)}`,
  };
}

function ruleHolds(rule: ScoringRule, counted: Answers): boolean {
  const allHold = (rule.when.all ?? []).every((condition) => conditionHolds(condition, counted));
  const anyHolds = rule.when.any === undefined || rule.when.any.some((condition) => conditionHolds(condition, counted));
  return allHold && anyHolds;
}

function reasonsFrom(findings: Finding[]): string[] {
  if (findings.length === 0) return ["low: no answer raised the risk above low."];
  const ordered = [...findings].sort((a, b) => riskLevelRank(b.level) - riskLevelRank(a.level));
  return [...new Set(ordered.map((finding) => `${finding.level}: ${finding.text}`))];
}

function describeAnswerFor(definition: QuestionnaireDefinition, counted: Answers): (questionId: string) => string {
  const questions = questionsById(definition);
  return (questionId) => {
    const question = questions.get(questionId);
    const answer = counted[questionId];
    if (question === undefined || answer === undefined) return "(not answered)";
    if (question.type === "single_choice" || question.type === "multi_choice") {
      return joinWords(chosenOptions(question, answer).map((option) => option.label));
    }
    if (isLikelihoodSeverity(answer)) return `likelihood ${answer.likelihood}, severity ${answer.severity}`;
    return String(answer);
  };
}

function isLikelihoodSeverity(answer: AnswerValue | undefined): answer is { likelihood: number; severity: number } {
  return typeof answer === "object" && answer !== null && !Array.isArray(answer);
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
