import { DateTime } from "luxon";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../../../core/storable-text.js";
import {
  DEFAULT_MAX_LENGTH,
  type Question,
  RATING_MAX,
  RATING_MIN,
  YES_NO_VALUES,
} from "./definition-schema.js";

export interface LikelihoodSeverity {
  readonly likelihood: number;
  readonly severity: number;
}

/**
 * One answer, by question type:
 * single_choice -> option value; multi_choice -> option values; text, long_text -> string;
 * yes_no -> "yes" | "no"; scale -> 1..5; likelihood_severity -> { likelihood, severity }; date -> "YYYY-MM-DD".
 */
export type AnswerValue = string | readonly string[] | number | LikelihoodSeverity;

export type NormalizedAnswer = { ok: true; value: AnswerValue | undefined } | { ok: false; error: string };

const EMPTY: NormalizedAnswer = { ok: true, value: undefined };

/**
 * Checks a raw value (from a form, or from storage) against a question and returns it in canonical form.
 * `value: undefined` means "not answered"; requiredness is for the caller to judge. Error texts are shown to the
 * person filling the form.
 */
export function normalizeAnswer(question: Question, raw: unknown): NormalizedAnswer {
  if (isBlank(raw)) return EMPTY;
  switch (question.type) {
    case "single_choice":
      return normalizeChoice(question, raw);
    case "multi_choice":
      return normalizeMultiChoice(question, raw);
    case "text":
    case "long_text":
      return normalizeText(question, raw);
    case "yes_no":
      return normalizeYesNo(raw);
    case "scale":
      return normalizeRating(raw, "Choose a value");
    case "likelihood_severity":
      return normalizeLikelihoodSeverity(raw);
    case "date":
      return normalizeDate(raw);
  }
}

export function maxLengthOf(question: Question): number {
  return question.max_length ?? (question.type === "text" ? DEFAULT_MAX_LENGTH.text : DEFAULT_MAX_LENGTH.long_text);
}

function isBlank(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === "string") return raw.trim().length === 0;
  if (Array.isArray(raw)) return raw.length === 0;
  return false;
}

function normalizeChoice(question: Question, raw: unknown): NormalizedAnswer {
  if (typeof raw !== "string") return { ok: false, error: "Choose one of the options." };
  return optionValues(question).includes(raw) ? { ok: true, value: raw } : { ok: false, error: `"${raw}" is not one of the options.` };
}

function normalizeMultiChoice(question: Question, raw: unknown): NormalizedAnswer {
  const values = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) {
    return { ok: false, error: "Choose one or more of the options." };
  }
  const known = optionValues(question);
  const unknown = values.filter((value) => !known.includes(value));
  if (unknown.length > 0) return { ok: false, error: `Not among the options: ${unknown.map((value) => `"${value}"`).join(", ")}.` };
  // Keep the definition's option order so stored answers compare and display consistently.
  return { ok: true, value: known.filter((value) => values.includes(value)) };
}

function normalizeText(question: Question, raw: unknown): NormalizedAnswer {
  if (typeof raw !== "string") return { ok: false, error: "Enter some text." };
  const text = raw.trim();
  if (!isStorableText(text)) return { ok: false, error: UNSTORABLE_TEXT_MESSAGE };
  const limit = maxLengthOf(question);
  if (text.length > limit) return { ok: false, error: `Keep this to ${limit} characters or fewer (it is ${text.length}).` };
  return { ok: true, value: text };
}

function normalizeYesNo(raw: unknown): NormalizedAnswer {
  if (raw === true) return { ok: true, value: "yes" };
  if (raw === false) return { ok: true, value: "no" };
  const value = typeof raw === "string" ? raw.trim().toLowerCase() : raw;
  return YES_NO_VALUES.includes(value as never) ? { ok: true, value: value as string } : { ok: false, error: "Answer yes or no." };
}

function toRating(raw: unknown): number | undefined {
  const number = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  return typeof number === "number" && Number.isInteger(number) && number >= RATING_MIN && number <= RATING_MAX ? number : undefined;
}

function normalizeRating(raw: unknown, what: string): NormalizedAnswer {
  const rating = toRating(raw);
  return rating === undefined ? { ok: false, error: `${what} from ${RATING_MIN} to ${RATING_MAX}.` } : { ok: true, value: rating };
}

function normalizeLikelihoodSeverity(raw: unknown): NormalizedAnswer {
  const error = `Choose both a likelihood and a severity from ${RATING_MIN} to ${RATING_MAX}.`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, error };
  const { likelihood: rawLikelihood, severity: rawSeverity } = raw as Record<string, unknown>;
  if (isBlank(rawLikelihood) && isBlank(rawSeverity)) return EMPTY;
  const likelihood = toRating(rawLikelihood);
  const severity = toRating(rawSeverity);
  return likelihood === undefined || severity === undefined ? { ok: false, error } : { ok: true, value: { likelihood, severity } };
}

function normalizeDate(raw: unknown): NormalizedAnswer {
  if (typeof raw !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw.trim())) return { ok: false, error: "Enter a date as YYYY-MM-DD." };
  const date = DateTime.fromISO(raw.trim(), { zone: "utc" });
  return date.isValid ? { ok: true, value: raw.trim() } : { ok: false, error: `${raw.trim()} is not a real date.` };
}

function optionValues(question: Question): string[] {
  return (question.options ?? []).map((option) => option.value);
}
