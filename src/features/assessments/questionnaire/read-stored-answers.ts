import type { QuestionnaireDefinition } from "./definition-schema.js";
import { questionsById } from "./definition-index.js";
import { normalizeAnswer } from "./answer-value.js";
import type { Answers } from "./answers.js";

export interface DroppedAnswer {
  readonly questionId: string;
  readonly value: unknown;
  readonly reason: string;
}

export interface StoredAnswersReading {
  /** Answers that still fit the definition; use them to pre-fill a (re-)assessment. */
  readonly answers: Answers;
  /** Answers to questions this definition no longer has, kept untouched so nothing is lost. */
  readonly setAside: Record<string, unknown>;
  /** Answers to questions that still exist but whose stored value no longer fits (type, options, limits). */
  readonly dropped: DroppedAnswer[];
  readonly fromVersion: number | string;
  readonly toVersion: number | string;
  readonly versionChanged: boolean;
  /** The stored value itself, when it was not a mapping of question ids to answers at all. */
  readonly unreadable?: unknown;
}

/**
 * Reads answers stored under `storedVersion` of a definition for use with `definition` (same or newer version).
 * Never throws and never changes `stored`.
 */
export function readAnswersForDefinition(
  stored: unknown,
  storedVersion: number | string,
  definition: QuestionnaireDefinition,
): StoredAnswersReading {
  const versions = {
    fromVersion: storedVersion,
    toVersion: definition.version,
    versionChanged: String(storedVersion) !== String(definition.version),
  };
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) {
    return { answers: {}, setAside: {}, dropped: [], ...versions, ...(stored === undefined || stored === null ? {} : { unreadable: stored }) };
  }

  const questions = questionsById(definition);
  const answers: Answers = {};
  const setAside: Record<string, unknown> = {};
  const dropped: DroppedAnswer[] = [];
  for (const [questionId, value] of Object.entries(stored)) {
    const question = questions.get(questionId);
    if (question === undefined) {
      setAside[questionId] = value;
      continue;
    }
    const normalized = normalizeAnswer(question, value);
    if (!normalized.ok) dropped.push({ questionId, value, reason: `no longer fits ${question.type} question: ${normalized.error}` });
    else if (normalized.value !== undefined) answers[questionId] = normalized.value;
  }
  return { answers, setAside, dropped, ...versions };
}
