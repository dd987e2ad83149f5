import { describe, expect, it } from "vitest";
import { readAnswersForDefinition } from "./read-stored-answers.js";
import { parseQuestionnaireDefinition } from "./load-definition.js";

const v1 = parseQuestionnaireDefinition(
  `
id: impact
version: 1
title: Impact
sections:
  - id: main
    title: Main
    questions:
      - { id: purpose, type: long_text, label: Purpose? }
      - { id: human_review, type: yes_no, label: Human review? }
      - id: channel
        type: single_choice
        label: Channel?
        options: [{ value: email, label: Email }, { value: fax, label: Fax }]
      - { id: confidence, type: scale, label: Confidence? }
      - { id: legacy_notes, type: text, label: Notes? }
`,
  "impact.v1.yaml",
);

// v2: legacy_notes removed, human_review became a choice, "fax" option removed, confidence unchanged, new question added.
const v2 = parseQuestionnaireDefinition(
  `
id: impact
version: "2.0.0"
title: Impact
sections:
  - id: main
    title: Main
    questions:
      - { id: purpose, type: long_text, label: Purpose?, max_length: 3000 }
      - id: human_review
        type: single_choice
        label: Human review?
        options: [{ value: always, label: Always }, { value: never, label: Never }]
      - id: channel
        type: single_choice
        label: Channel?
        options: [{ value: email, label: Email }, { value: chat, label: Chat }]
      - { id: confidence, type: scale, label: Confidence? }
      - { id: vendor, type: text, label: Vendor? }
`,
  "impact.v2.yaml",
);

const storedUnderV1 = { purpose: "Drafts replies", human_review: "yes", channel: "fax", confidence: 4, legacy_notes: "old remark" };

describe("readAnswersForDefinition", () => {
  it("reads answers back unchanged under the same version", () => {
    expect(readAnswersForDefinition(storedUnderV1, 1, v1)).toEqual({
      answers: storedUnderV1,
      setAside: {},
      dropped: [],
      fromVersion: 1,
      toVersion: 1,
      versionChanged: false,
    });
  });

  it("keeps fitting answers, sets aside removed questions and drops answers that no longer fit", () => {
    const snapshot = structuredClone(storedUnderV1);
    const reading = readAnswersForDefinition(storedUnderV1, 1, v2);
    expect(reading.answers).toEqual({ purpose: "Drafts replies", confidence: 4 });
    expect(reading.setAside).toEqual({ legacy_notes: "old remark" });
    expect(reading.dropped).toEqual([
      { questionId: "human_review", value: "yes", reason: 'no longer fits single_choice question: "yes" is not one of the options.' },
      { questionId: "channel", value: "fax", reason: 'no longer fits single_choice question: "fax" is not one of the options.' },
    ]);
    expect(reading).toMatchObject({ fromVersion: 1, toVersion: "2.0.0", versionChanged: true });
    expect(storedUnderV1).toEqual(snapshot);
  });

  it("never throws on damaged storage", () => {
    expect(readAnswersForDefinition("garbage", 1, v2)).toMatchObject({ answers: {}, setAside: {}, dropped: [], unreadable: "garbage" });
    expect(readAnswersForDefinition(null, 1, v2)).toMatchObject({ answers: {}, dropped: [] });
    expect(readAnswersForDefinition({ confidence: { nested: true }, purpose: 42 }, 1, v2).dropped.map((entry) => entry.questionId)).toEqual([
      "confidence",
      "purpose",
    ]);
  });
});
