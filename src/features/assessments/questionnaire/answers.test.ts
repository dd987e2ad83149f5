import { describe, expect, it } from "vitest";
import { UNSTORABLE_TEXT_MESSAGE } from "../../../core/storable-text.js";
import { effectiveAnswers, isComplete, missingQuestions, validateStepAnswers } from "./answers.js";
import { parseQuestionnaireDefinition } from "./load-definition.js";

const definition = parseQuestionnaireDefinition(
  `
id: answers
version: 1
title: Answers
sections:
  - id: use
    title: Use
    questions:
      - { id: purpose, type: long_text, label: Purpose?, max_length: 20 }
      - { id: owner, type: text, label: Owner?, required: false }
      - { id: personal_data, type: yes_no, label: Personal data? }
  - id: data
    title: Data
    questions:
      - id: kinds
        type: multi_choice
        label: Kinds?
        show_if: { question: personal_data, equals: "yes" }
        options: [{ value: health, label: Health }, { value: contact, label: Contact }]
      - id: health_detail
        type: text
        label: Which health data?
        show_if: { question: kinds, includes: health }
      - id: channel
        type: single_choice
        label: Channel?
        options: [{ value: email, label: Email }, { value: chat, label: Chat }]
      - { id: confidence, type: scale, label: Confidence? }
      - { id: customers, type: likelihood_severity, label: Customers? }
      - { id: due, type: date, label: Due? }
`,
  "answers.yaml",
);

const useStep = { questionIds: ["purpose", "owner", "personal_data"] };
const dataStep = { questionIds: ["kinds", "health_detail", "channel", "confidence", "customers", "due"] };

describe("validateStepAnswers", () => {
  it("returns canonical answers for a valid step and leaves out blank optional ones", () => {
    expect(validateStepAnswers(definition, useStep, { purpose: "  Drafts replies ", owner: "", personal_data: true })).toEqual({
      ok: true,
      answers: { purpose: "Drafts replies", personal_data: "yes" },
    });
  });

  it("reports required, length and yes/no errors per question", () => {
    expect(validateStepAnswers(definition, useStep, { purpose: "x".repeat(21), personal_data: "maybe" })).toEqual({
      ok: false,
      errors: { purpose: "Keep this to 20 characters or fewer (it is 21).", personal_data: "Answer yes or no." },
    });
    expect(validateStepAnswers(definition, useStep, {})).toEqual({
      ok: false,
      errors: { purpose: "This question needs an answer.", personal_data: "This question needs an answer." },
    });
  });

  it("refuses text answers the database cannot store (NUL, a lone surrogate) on their question", () => {
    expect(validateStepAnswers(definition, useStep, { purpose: "Drafts\u0000", owner: "Ann \udc00", personal_data: "no" })).toEqual({
      ok: false,
      errors: { purpose: UNSTORABLE_TEXT_MESSAGE, owner: UNSTORABLE_TEXT_MESSAGE },
    });
  });

  it("checks options, scale range, likelihood/severity pairs and dates", () => {
    const result = validateStepAnswers(
      definition,
      dataStep,
      { kinds: ["health", "dna"], channel: "fax", confidence: "7", customers: { likelihood: "3" }, due: "2025-02-30" },
      { personal_data: "yes" },
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        kinds: 'Not among the options: "dna".',
        channel: '"fax" is not one of the options.',
        confidence: "Choose a value from 1 to 5.",
        customers: "Choose both a likelihood and a severity from 1 to 5.",
        due: "2025-02-30 is not a real date.",
      },
    });
    expect(validateStepAnswers(definition, { questionIds: ["due"] }, { due: "30/01/2025" })).toEqual({
      ok: false,
      errors: { due: "Enter a date as YYYY-MM-DD." },
    });
  });

  it("converts form strings and keeps multi-choice values in definition order", () => {
    const result = validateStepAnswers(
      definition,
      dataStep,
      { kinds: ["contact", "health"], health_detail: "Allergies", channel: "chat", confidence: "4", customers: { likelihood: "2", severity: 5 }, due: "2025-03-01" },
      { personal_data: "yes" },
    );
    expect(result).toEqual({
      ok: true,
      answers: {
        kinds: ["health", "contact"],
        health_detail: "Allergies",
        channel: "chat",
        confidence: 4,
        customers: { likelihood: 2, severity: 5 },
        due: "2025-03-01",
      },
    });
  });

  it("ignores questions hidden by show_if, including follow-ups of hidden questions", () => {
    const result = validateStepAnswers(
      definition,
      dataStep,
      { kinds: ["nonsense"], health_detail: "", channel: "email", confidence: 3, customers: { likelihood: 1, severity: 1 }, due: "2025-01-01" },
      { personal_data: "no" },
    );
    expect(result).toEqual({
      ok: true,
      answers: { channel: "email", confidence: 3, customers: { likelihood: 1, severity: 1 }, due: "2025-01-01" },
    });
  });

  it("requires a follow-up once its condition holds within the same step", () => {
    const result = validateStepAnswers(definition, { questionIds: ["kinds", "health_detail"] }, { kinds: ["health"] }, { personal_data: "yes" });
    expect(result).toEqual({ ok: false, errors: { health_detail: "This question needs an answer." } });
  });
});

describe("completeness", () => {
  const complete = {
    purpose: "Drafts replies",
    personal_data: "no",
    channel: "email",
    confidence: 3,
    customers: { likelihood: 1, severity: 2 },
    due: "2025-01-01",
  };

  it("is complete when every shown required question has a valid answer", () => {
    expect(isComplete(definition, complete)).toBe(true);
    expect(missingQuestions(definition, complete)).toEqual([]);
  });

  it("lists missing questions, including follow-ups that became required", () => {
    const answers = { ...complete, personal_data: "yes", channel: "fax" };
    expect(isComplete(definition, answers)).toBe(false);
    expect(missingQuestions(definition, answers)).toEqual([
      { sectionId: "data", questionId: "kinds", label: "Kinds?" },
      { sectionId: "data", questionId: "channel", label: "Channel?" },
    ]);
  });

  it("does not count answers to hidden questions", () => {
    expect(effectiveAnswers(definition, { ...complete, kinds: ["health"], health_detail: "x" })).toEqual(complete);
  });
});
