import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { QuestionnaireDefinitionError } from "./definition-error.js";
import { listQuestions } from "./definition-index.js";
import { defaultDefinitionPath, loadQuestionnaireDefinition, parseQuestionnaireDefinition } from "./load-definition.js";

function problemsOf(text: string, sourceName = "bad.yaml"): readonly string[] {
  try {
    parseQuestionnaireDefinition(text, sourceName);
  } catch (error) {
    expect(error).toBeInstanceOf(QuestionnaireDefinitionError);
    return (error as QuestionnaireDefinitionError).problems;
  }
  throw new Error("expected the definition to be rejected");
}

const VALID = `
id: mini
version: 1
title: Mini assessment
sections:
  - id: data
    title: Data
    controls: ["A.7.4", "6.1.4"]
    questions:
      - id: personal_data
        type: yes_no
        label: Personal data?
      - id: data_categories
        type: multi_choice
        label: Which kinds?
        show_if: { question: personal_data, equals: "yes" }
        options:
          - { value: health, label: Health, weight: 3, raises_to: high, reason: "uses {option} data" }
          - { value: contact, label: Contact details, weight: 1 }
`;

describe("the shipped default definition", () => {
  it("is found from the project root and loads without problems", async () => {
    expect(defaultDefinitionPath()).toMatch(/src\/features\/assessments\/definitions\/impact-assessment\.v1\.yaml$/);
    const definition = await loadQuestionnaireDefinition(defaultDefinitionPath());
    expect(definition.id).toBe("impact-assessment");
    expect(definition.version).toBe(1);
  });

  it("covers the impact-assessment controls and the areas the standard expects", async () => {
    const definition = await loadQuestionnaireDefinition(defaultDefinitionPath());
    const controls = new Set(definition.sections.flatMap((section) => section.controls));
    for (const control of ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.9.4", "A.8.2", "A.7.4", "A.7.5", "A.4.3"]) {
      expect(controls, control).toContain(control);
    }
    const types = new Set(listQuestions(definition).map(({ question }) => question.type));
    expect(types).toEqual(new Set(["single_choice", "multi_choice", "text", "long_text", "yes_no", "scale", "likelihood_severity", "date"]));
    expect(definition.scoring.rules.length).toBeGreaterThan(5);
  });
});

describe("parseQuestionnaireDefinition", () => {
  it("accepts a valid definition and applies defaults", () => {
    const definition = parseQuestionnaireDefinition(VALID, "mini.yaml");
    const [personal, categories] = definition.sections[0]!.questions;
    expect(personal!.required).toBe(true);
    expect(categories!.options![0]).toMatchObject({ value: "health", weight: 3, raises_to: "high" });
    expect(definition.scoring.likelihood_severity_levels.map((bucket) => bucket.max)).toEqual([4, 9, 16, 25]);
  });

  it("accepts a semver version", () => {
    expect(parseQuestionnaireDefinition(VALID.replace("version: 1", 'version: "2.1.0"'), "mini.yaml").version).toBe("2.1.0");
  });

  it("names file, section, question and problem in a single-problem message", () => {
    const text = VALID.replace(/ {8}options:\n.*\n.*\n/, "");
    expect(() => parseQuestionnaireDefinition(text, "impact-assessment.v1.yaml")).toThrow(
      new QuestionnaireDefinitionError("impact-assessment.v1.yaml", [
        'impact-assessment.v1.yaml: section "data" question "data_categories": options are required for multi_choice',
      ]),
    );
    expect(problemsOf(text, "impact-assessment.v1.yaml")).toHaveLength(1);
  });

  it("lists every shape problem at once", () => {
    const text = `
id: mini
version: 0
title: Mini
sections:
  - id: data
    title: ${"A very long section title that goes on and on beyond sixty chars"}
    controls: ["A.5.9", "6.1.4"]
    questions:
      - id: Data-Categories
        type: multi_choice
        label: Which kinds?
        requried: true
        options:
          - { value: health, label: Health, weight: "3" }
      - id: mood
        type: colour
        label: ${"x".repeat(151)}
      - id: rating
        type: scale
        label: Rate it
        options: [{ value: a, label: A }]
        max_length: 10
`;
    const problems = problemsOf(text);
    expect(problems).toEqual(
      expect.arrayContaining([
        "bad.yaml: version: must be a positive integer or a semver string like 1.2.0",
        'bad.yaml: section "data": title: must be at most 60 characters (found 64 characters)',
        'bad.yaml: section "data": controls.item 1: "A.5.9" is not an ISO 42001 Annex A control id (A.x.y) or clause id (4.x to 10.x)',
        'bad.yaml: section "data" question "Data-Categories": id: must use only lowercase letters, digits and underscores',
        'bad.yaml: section "data" question "Data-Categories": unknown field "requried"',
        'bad.yaml: section "data" question "Data-Categories" option "health": weight: must be a number (found "3")',
        'bad.yaml: section "data" question "mood": label: must be at most 150 characters (found 151 characters)',
        expect.stringMatching(/^bad\.yaml: section "data" question "mood": type: must be one of single_choice, .*date \(found "colour"\)$/),
        'bad.yaml: section "data" question "rating": options: are only allowed for choice questions, not scale',
        'bad.yaml: section "data" question "rating": max_length: is only allowed for text and long_text, not scale',
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(10);
  });

  it("lists every cross-reference problem at once", () => {
    const text = `
id: mini
version: 1
title: Mini
sections:
  - id: data
    title: Data
    questions:
      - id: early
        type: yes_no
        label: Early?
        show_if: { question: later, equals: "yes" }
      - id: kinds
        type: multi_choice
        label: Kinds?
        show_if: { question: early, equals: "maybe" }
        options:
          - { value: a, label: A, raises_to: high, reason: "because {answer:ghost}" }
          - { value: a, label: A again }
  - id: data
    title: Data again
    questions:
      - id: later
        type: scale
        label: Later?
        show_if: { question: kinds, equals: a }
      - id: kinds
        type: text
        label: Duplicate id
scoring:
  rules:
    - id: r1
      when: { all: [{ question: nowhere, equals: x }, { question: later, at_least: 9 }] }
      raises_to: high
      reason: "see {answer:early} and {weird}"
`;
    expect(problemsOf(text)).toEqual([
      'bad.yaml: section "data" question "kinds": options: option values must be unique (repeated: a)',
    ]);

    const problems = problemsOf(text.replace("- { value: a, label: A again }", "- { value: b, label: B }"));
    expect(problems).toEqual([
      "bad.yaml: section \"data\": section id is already used by section #1",
      'bad.yaml: section "data" question "kinds": question id must be unique across the definition (already used in section "data")',
      'bad.yaml: section "data" question "early": show_if: question "later" comes later; show_if must refer to an earlier question',
      'bad.yaml: section "data" question "kinds": show_if: "maybe" is not a possible answer to "early" (possible: yes, no)',
      'bad.yaml: section "data" question "later": show_if: equals cannot be used with multi_choice question "kinds" (use it with single_choice or yes_no or scale)',
      'bad.yaml: section "data" question "kinds" option "a": reason: placeholder {answer:ghost} refers to unknown question "ghost"',
      'bad.yaml: scoring rule "r1": when.all.item 1: refers to unknown question "nowhere"',
      'bad.yaml: scoring rule "r1": when.all.item 2: 9 is not a possible answer to "later" (possible: 1, 2, 3, 4, 5)',
      'bad.yaml: scoring rule "r1": reason: unknown placeholder {weird}; use {answer:<question_id>}',
    ]);
  });

  it("reports a condition with no operator or two operators", () => {
    const text = VALID.replace('show_if: { question: personal_data, equals: "yes" }', 'show_if: { question: personal_data, equals: "yes", in: ["no"] }');
    expect(problemsOf(text)).toEqual([
      'bad.yaml: section "data" question "data_categories": show_if: needs exactly one of equals, not_equals, in, includes, includes_any, at_least, at_most (found equals, in)',
    ]);
  });

  it("reports raises_to without a reason and badly ordered scoring thresholds", () => {
    const text = `${VALID.replace(', reason: "uses {option} data"', "")}
scoring:
  likelihood_severity_levels: [{ max: 9, level: low }, { max: 4, level: high }]
  weight_levels: { medium: 10, high: 5 }
`;
    expect(problemsOf(text)).toEqual([
      'bad.yaml: section "data" question "data_categories" option "health": reason: is required when raises_to is set (approvers read it)',
      "bad.yaml: scoring.likelihood_severity_levels.item 2.max: must be greater than the previous bucket's max (9)",
      "bad.yaml: scoring.likelihood_severity_levels: the last bucket must end at 25 so every product is covered",
      "bad.yaml: scoring.weight_levels.high: must be greater than the medium threshold (10)",
    ]);
  });

  it("reports YAML syntax errors and empty files", () => {
    expect(problemsOf("id: [unclosed\n")[0]).toMatch(/^bad\.yaml: YAML syntax error at line \d+, column \d+: /);
    expect(problemsOf("")).toEqual(["bad.yaml: the definition file is empty"]);
  });

  it("joins several problems in one error message", () => {
    const error = new QuestionnaireDefinitionError("x.yaml", ["x.yaml: one", "x.yaml: two"]);
    expect(error.message).toBe("x.yaml: 2 problems in the questionnaire definition:\n  - x.yaml: one\n  - x.yaml: two");
  });
});

describe("loadQuestionnaireDefinition", () => {
  it("loads a file and names it in errors", async () => {
    const directory = await mkdtemp(join(tmpdir(), "questionnaire-"));
    const path = join(directory, "org.v3.yaml");
    await writeFile(path, VALID.replace("title: Data\n", "title: Data\n    description: ''\n"));
    await expect(loadQuestionnaireDefinition(path)).rejects.toThrow('org.v3.yaml: section "data": description: must not be empty');
    await writeFile(path, VALID);
    await expect(loadQuestionnaireDefinition(path)).resolves.toMatchObject({ id: "mini" });
  });

  it("wraps an unreadable file in a QuestionnaireDefinitionError", async () => {
    await expect(loadQuestionnaireDefinition("/nonexistent/custom.yaml")).rejects.toThrow(
      /^custom\.yaml: cannot read the definition file \(ENOENT/,
    );
  });
});
