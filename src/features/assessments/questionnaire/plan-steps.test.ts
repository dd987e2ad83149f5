import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Question } from "./definition-schema.js";
import { defaultDefinitionPath, loadQuestionnaireDefinition, parseQuestionnaireDefinition } from "./load-definition.js";
import { DEFAULT_STEP_LIMITS, type StepLimits, planSteps, shortStepTitle, stepLabel, truncateText } from "./plan-steps.js";

function definitionWith(sections: Array<{ id: string; title: string; questions: object[] }>) {
  return parseQuestionnaireDefinition(stringify({ id: "steps", version: 1, title: "Steps", sections }), "steps.yaml");
}

function textQuestions(count: number, prefix = "q") {
  return Array.from({ length: count }, (_, index) => ({ id: `${prefix}_${index + 1}`, type: "text", label: `Question ${index + 1}` }));
}

const blocksOf = (question: Question) => (question.type === "likelihood_severity" ? 3 : 2);

describe("planSteps", () => {
  it("gives each short section one step", () => {
    const definition = definitionWith([
      { id: "use", title: "Intended use", questions: textQuestions(3, "use") },
      { id: "data", title: "Data", questions: textQuestions(2, "data") },
    ]);
    const steps = planSteps(definition);
    expect(steps).toEqual([
      expect.objectContaining({ index: 0, sectionId: "use", title: "Intended use", part: 1, partCount: 1, questionIds: ["use_1", "use_2", "use_3"] }),
      expect.objectContaining({ index: 1, sectionId: "data", title: "Data", part: 1, partCount: 1, questionIds: ["data_1", "data_2"] }),
    ]);
  });

  it("splits a 60-question section into balanced parts that keep the question order", () => {
    const definition = definitionWith([{ id: "data", title: "Data", questions: textQuestions(60) }]);
    const steps = planSteps(definition, { maxQuestionsPerStep: 25, maxBlocksPerStep: 100, blocksPerQuestion: () => 1 });
    expect(steps.map((step) => step.questionIds.length)).toEqual([20, 20, 20]);
    expect(steps.map((step) => step.title)).toEqual(["Data (part 1 of 3)", "Data (part 2 of 3)", "Data (part 3 of 3)"]);
    expect(steps.flatMap((step) => step.questionIds)).toEqual(textQuestions(60).map((question) => question.id));
  });

  it("never exceeds the block budget, counting the reserved header blocks", () => {
    const questions = [
      ...textQuestions(30),
      ...Array.from({ length: 30 }, (_, index) => ({ id: `group_${index}`, type: "likelihood_severity", label: `Group ${index}` })),
    ];
    const definition = definitionWith([{ id: "groups", title: "Affected groups", questions }]);
    const limits: StepLimits = { maxQuestionsPerStep: 100, maxBlocksPerStep: 40, reservedBlocksPerStep: 4, blocksPerQuestion: blocksOf };
    const steps = planSteps(definition, limits);
    const questionById = new Map(definition.sections[0]!.questions.map((question) => [question.id, question]));
    for (const step of steps) {
      const blocks = step.questionIds.reduce((sum, id) => sum + blocksOf(questionById.get(id)!), 0);
      expect(blocks + 4).toBeLessThanOrEqual(40);
    }
    expect(steps.length).toBe(5); // 150 question blocks in 36-block steps need 5 parts
    expect(steps.flatMap((step) => step.questionIds)).toHaveLength(60);
  });

  it("fits a Slack modal with the default limits", () => {
    const definition = definitionWith([{ id: "data", title: "Data", questions: textQuestions(12) }]);
    expect(planSteps(definition, DEFAULT_STEP_LIMITS).map((step) => step.questionIds.length)).toEqual([6, 6]);
  });

  it("plans the shipped definition within the default limits", async () => {
    const definition = await loadQuestionnaireDefinition(defaultDefinitionPath());
    const steps = planSteps(definition);
    expect(new Set(steps.map((step) => step.sectionId)).size).toBe(definition.sections.length);
    for (const step of steps) expect(step.questionIds.length).toBeLessThanOrEqual(DEFAULT_STEP_LIMITS.maxQuestionsPerStep);
  });

  it("refuses limits that cannot hold a question", () => {
    const definition = definitionWith([{ id: "data", title: "Data", questions: textQuestions(1) }]);
    expect(() => planSteps(definition, { maxQuestionsPerStep: 5, maxBlocksPerStep: 3, reservedBlocksPerStep: 2, blocksPerQuestion: () => 2 })).toThrow(
      'question "q_1" in section "data" needs 2 blocks; a step has room for 1',
    );
    expect(() => planSteps(definition, { maxQuestionsPerStep: 0, maxBlocksPerStep: 100, blocksPerQuestion: () => 1 })).toThrow(RangeError);
  });
});

describe("step labels", () => {
  it("numbers steps from 1", () => {
    expect(stepLabel({ index: 1 }, 6)).toBe("Step 2 of 6");
  });

  it("keeps short titles within 24 characters", () => {
    expect(shortStepTitle({ sectionTitle: "Data", part: 1, partCount: 1 })).toBe("Data");
    expect(shortStepTitle({ sectionTitle: "Data", part: 2, partCount: 3 })).toBe("Data 2/3");
    const long = shortStepTitle({ sectionTitle: "Human oversight and contesting outcomes", part: 2, partCount: 2 });
    expect(long).toBe("Human oversight and… 2/2");
    expect([...long].length).toBeLessThanOrEqual(24);
  });

  it("truncates by characters, at a word boundary when one is near", () => {
    expect(truncateText("Safety, security and robustness", 24)).toBe("Safety, security and…");
    expect(truncateText("Supercalifragilisticexpialidocious", 10)).toBe("Supercali…");
    expect([...truncateText("Überprüfung 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", 24)].length).toBeLessThanOrEqual(24);
  });
});
