import type { AiActRole, ClassificationDefinition, ClassificationOutcome, ClassificationQuestion } from "./classification-definition.js";

/** The outcome a record has until someone classifies it (register entries from before classification existed). */
export const NOT_CLASSIFIED = "not_classified";

/** The id of a question's field in a form: prefixed, so it never meets another form's fields. */
export const answerFieldId = (question: Pick<ClassificationQuestion, "id">) => `aiact_${question.id}`;

export type ClassificationAnswers = Record<string, string | string[]>;
/** Form values as a channel collects them, keyed by field id. */
export type RawAnswers = Record<string, string | string[] | undefined>;

/** One outcome that applies, with what it means for our role. */
export interface AppliedOutcome {
  id: string;
  label: string;
  cites: string;
  effect: ClassificationOutcome["effect"];
  explanation: string;
  duty: string | null;
}

/** A classification as it is stored (JSON) on the request and the register entry, and exported. */
export interface Classification {
  definitionVersion: number;
  regulation: string;
  /** The highest-ranked outcome that applies. */
  outcome: string;
  outcomeLabel: string;
  role: AiActRole;
  /** Every outcome that applies, highest first. */
  applies: AppliedOutcome[];
  /** Each answer that led to an outcome, with its article or annex. */
  reasons: string[];
  /** The ISO/IEC 42001 controls the classification evidences. */
  controls: string[];
  answers: ClassificationAnswers;
  classifiedAt: string;
}

const asList = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(",") : []).map((item) => item.trim()).filter(Boolean);

/** Reads the answers from form values; errors are keyed by field id, in plain words. */
export function readAnswers(
  definition: ClassificationDefinition,
  raw: RawAnswers,
): { ok: true; answers: ClassificationAnswers } | { ok: false; errors: Record<string, string> } {
  const answers: ClassificationAnswers = {};
  const errors: Record<string, string> = {};
  for (const question of definition.questions) {
    const field = answerFieldId(question);
    const values = [...new Set(asList(raw[field]))];
    const known = new Set(question.options.map((option) => option.value));
    if (values.length === 0) errors[field] = question.kind === "multiple" ? "Choose every one that applies, or \"None of these\"" : "Choose one";
    else if (values.some((value) => !known.has(value))) errors[field] = "Choose from the options shown";
    else if (question.kind === "single" && values.length > 1) errors[field] = "Choose only one";
    else if (question.none !== undefined && values.includes(question.none) && values.length > 1) errors[field] = "\"None of these\" cannot go with another choice";
    else answers[question.id] = question.kind === "single" ? values[0] : values;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** Classifies complete answers: which outcomes apply and why, by the definition's data alone. */
/** Who classified is not in the classification: the audit event (and the requester) names them, where erasure reaches. */
export function classify(definition: ClassificationDefinition, answers: ClassificationAnswers, at: Date): Classification {
  const reasons: string[] = [];
  const applying = new Set<string>();
  let role: AiActRole = "deployer";
  for (const question of definition.questions) {
    const chosen = asList(answers[question.id]);
    for (const option of question.options.filter((candidate) => chosen.includes(candidate.value))) {
      if (option.role) role = option.role;
      if (option.outcome) {
        applying.add(option.outcome);
        reasons.push(`${option.label} (${option.cites})`);
      }
    }
  }
  const fallback = definition.outcomes.find((outcome) => outcome.default)!;
  const outcomes = definition.outcomes
    .filter((outcome) => applying.has(outcome.id) || (applying.size === 0 && outcome === fallback))
    .sort((a, b) => b.rank - a.rank);
  if (applying.size === 0) reasons.push(`${fallback.explanation} (${fallback.cites})`);
  return {
    definitionVersion: definition.version,
    regulation: definition.regulation,
    outcome: outcomes[0].id,
    outcomeLabel: outcomes[0].label,
    role,
    applies: outcomes.map((outcome) => ({
      id: outcome.id,
      label: outcome.label,
      cites: outcome.cites,
      effect: outcome.effect,
      explanation: outcome.explanation,
      duty: outcome.duties?.[role] ?? null,
    })),
    reasons,
    controls: [...new Set(outcomes.flatMap((outcome) => outcome.controls))].sort(),
    answers,
    classifiedAt: at.toISOString(),
  };
}

export const stops = (classification: Classification) => classification.applies.some((outcome) => outcome.effect === "stop");
export const raisesToHigh = (classification: Classification) => classification.applies.some((outcome) => outcome.effect === "high_risk");

/** The explanation a stopped request is given: the outcome and every answer that stopped it, with their articles. */
export function stopExplanation(definition: ClassificationDefinition, classification: Classification): string {
  const stopping = classification.applies.find((outcome) => outcome.effect === "stop")!;
  const stoppingOptions = definition.questions.flatMap((question) =>
    question.options.filter((option) => option.outcome === stopping.id && asList(classification.answers[question.id]).includes(option.value)),
  );
  return `${stopping.explanation} ${stoppingOptions.map((option) => `${option.label} (${option.cites})`).join("; ")}.`;
}

/** The field a stop is explained under: the first question whose answer stopped it. */
export function stopField(definition: ClassificationDefinition, classification: Classification): string {
  const stopping = classification.applies.find((outcome) => outcome.effect === "stop")!;
  const question = definition.questions.find((candidate) =>
    candidate.options.some((option) => option.outcome === stopping.id && asList(classification.answers[candidate.id]).includes(option.value)),
  )!;
  return answerFieldId(question);
}

/** A stored classification read back, or null for "not yet classified" (or a value this code cannot read). */
export function storedClassification(value: unknown): Classification | null {
  if (typeof value !== "object" || value === null) return null;
  const stored = value as Partial<Classification>;
  return typeof stored.outcome === "string" && Array.isArray(stored.applies) && Array.isArray(stored.reasons) ? (stored as Classification) : null;
}
