import { describe, expect, it } from "vitest";
import { describeAnswer } from "./answer-text.js";
import { questionsById } from "./definition-index.js";
import { parseQuestionnaireDefinition } from "./load-definition.js";
import { mergePartialStepAnswers } from "./partial-answers.js";
import { questionsForStep } from "./step-questions.js";

const definition = parseQuestionnaireDefinition(
  `
id: forms
version: 1
title: Forms
sections:
  - id: first
    title: First
    questions:
      - { id: personal_data, type: yes_no, label: Personal data? }
  - id: second
    title: Second
    questions:
      - { id: purpose, type: text, label: Purpose?, max_length: 20 }
      - id: channels
        type: multi_choice
        label: Channels?
        options: [{ value: email, label: Email }, { value: chat, label: Chat }]
      - { id: channel_volume, type: scale, label: Volume?, show_if: { question: channels, includes: chat }, scale_labels: [Tiny, Small, Medium, Large, Huge] }
      - { id: privacy_review, type: yes_no, label: Reviewed?, show_if: { question: personal_data, equals: "yes" } }
      - { id: impact, type: likelihood_severity, label: Impact?, group_label: customers }
`,
  "forms.yaml",
);
const second = { questionIds: ["purpose", "channels", "channel_volume", "privacy_review", "impact"] };

describe("questionsForStep", () => {
  it("leaves out questions hidden by an earlier step and asks same-step follow-ups conditionally", () => {
    const shown = questionsForStep(definition, second, { personal_data: "no" });
    expect(shown.map(({ question }) => question.id)).toEqual(["purpose", "channels", "channel_volume", "impact"]);
    expect(shown.find(({ question }) => question.id === "channel_volume")?.askedIf).toEqual({ question: "channels", includes: "chat" });
    expect(questionsForStep(definition, second, { personal_data: "yes" }).map(({ question }) => question.id)).toContain("privacy_review");
  });
});

describe("mergePartialStepAnswers", () => {
  it("keeps valid answers, clears blanks and leaves stored answers where the new value is invalid", () => {
    const merged = mergePartialStepAnswers(
      definition,
      second,
      { purpose: "x".repeat(21), channels: ["chat"], channel_volume: undefined },
      { purpose: "Drafts replies", channel_volume: 3, personal_data: "yes" },
    );
    expect(merged).toEqual({ purpose: "Drafts replies", channels: ["chat"], personal_data: "yes" });
  });
});

describe("describeAnswer", () => {
  const questions = questionsById(definition);
  it("puts answers in words", () => {
    expect(describeAnswer(definition, questions.get("channels")!, ["email", "chat"])).toBe("Email and Chat");
    expect(describeAnswer(definition, questions.get("personal_data")!, "no")).toBe("No");
    expect(describeAnswer(definition, questions.get("channel_volume")!, 4)).toBe("Large");
    expect(describeAnswer(definition, questions.get("impact")!, { likelihood: 2, severity: 5 })).toBe(
      "likelihood 2 - Unlikely, severity 5 - Severe or irreversible",
    );
    expect(describeAnswer(definition, questions.get("purpose")!, undefined)).toBe("(not answered)");
  });
});
