import { describe, expect, it } from "vitest";
import { parseQuestionnaireDefinition } from "./questionnaire/index.js";
import { carryAnswers } from "./version-migration.js";

const v2 = parseQuestionnaireDefinition(
  `
id: impact
version: 2
title: Impact
sections:
  - id: main
    title: Main
    questions:
      - { id: purpose, type: text, label: Purpose? }
      - id: channel
        type: single_choice
        label: Channel?
        options: [{ value: email, label: Email }]
`,
  "impact.v2.yaml",
);

describe("carryAnswers", () => {
  it("keeps fitting answers and sets the rest aside under the version they were given in, adding to earlier ones", () => {
    const stored = {
      answers: { purpose: "Drafts replies", channel: "fax", legacy: "old" },
      definitionVersion: "1",
      setAsideAnswers: { "0.9.0": { ancient: true } },
    };
    const snapshot = structuredClone(stored);
    expect(carryAnswers(stored, v2)).toEqual({
      answers: { purpose: "Drafts replies" },
      setAside: { "0.9.0": { ancient: true }, "1": { legacy: "old", channel: "fax" } },
      droppedQuestionIds: ["channel"],
    });
    expect(stored).toEqual(snapshot);
  });

  it("sets nothing aside when everything fits", () => {
    expect(carryAnswers({ answers: { purpose: "x" }, definitionVersion: "2", setAsideAnswers: null }, v2)).toEqual({
      answers: { purpose: "x" },
      setAside: {},
      droppedQuestionIds: [],
    });
  });
});
