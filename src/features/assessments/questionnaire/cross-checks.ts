import {
  type Condition,
  type Question,
  type QuestionnaireDefinition,
  RATING_MAX,
  RATING_MIN,
  YES_NO_VALUES,
  conditionOperators,
} from "./definition-schema.js";
import { listQuestions } from "./definition-index.js";
import { templatePlaceholders } from "./reason-template.js";

export interface DefinitionProblem {
  /** Path into the definition document, as zod reports it, e.g. ["sections", 2, "questions", 0, "show_if"]. */
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Checks that need the whole definition: unique ids and references between questions, rules and templates. */
export function crossCheckDefinition(definition: QuestionnaireDefinition): DefinitionProblem[] {
  return [
    ...duplicateSectionIds(definition),
    ...duplicateQuestionIds(definition),
    ...showIfProblems(definition),
    ...optionReasonProblems(definition),
    ...scoringRuleProblems(definition),
  ];
}

function duplicateSectionIds(definition: QuestionnaireDefinition): DefinitionProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: DefinitionProblem[] = [];
  definition.sections.forEach((section, index) => {
    const earlier = firstIndex.get(section.id);
    if (earlier === undefined) firstIndex.set(section.id, index);
    else problems.push({ path: ["sections", index], message: `section id is already used by section #${earlier + 1}` });
  });
  return problems;
}

function duplicateQuestionIds(definition: QuestionnaireDefinition): DefinitionProblem[] {
  const firstSection = new Map<string, string>();
  const problems: DefinitionProblem[] = [];
  definition.sections.forEach((section, sectionIndex) => {
    section.questions.forEach((question, questionIndex) => {
      const earlier = firstSection.get(question.id);
      if (earlier === undefined) firstSection.set(question.id, section.id);
      else
        problems.push({
          path: ["sections", sectionIndex, "questions", questionIndex],
          message: `question id must be unique across the definition (already used in section "${earlier}")`,
        });
    });
  });
  return problems;
}

function showIfProblems(definition: QuestionnaireDefinition): DefinitionProblem[] {
  const earlierQuestions = new Map<string, Question>();
  const allIds = new Set(listQuestions(definition).map(({ question }) => question.id));
  const problems: DefinitionProblem[] = [];
  definition.sections.forEach((section, sectionIndex) => {
    section.questions.forEach((question, questionIndex) => {
      const condition = question.show_if;
      if (condition !== undefined) {
        const path = ["sections", sectionIndex, "questions", questionIndex, "show_if"];
        const target = earlierQuestions.get(condition.question);
        if (target !== undefined) {
          problems.push(...conditionFitProblems(condition, target).map((message) => ({ path, message })));
        } else {
          const why =
            condition.question === question.id
              ? "a question cannot depend on itself"
              : allIds.has(condition.question)
                ? `question "${condition.question}" comes later; show_if must refer to an earlier question`
                : `refers to unknown question "${condition.question}"`;
          problems.push({ path, message: why });
        }
      }
      earlierQuestions.set(question.id, question);
    });
  });
  return problems;
}

function optionReasonProblems(definition: QuestionnaireDefinition): DefinitionProblem[] {
  const known = new Set(listQuestions(definition).map(({ question }) => question.id));
  const problems: DefinitionProblem[] = [];
  definition.sections.forEach((section, sectionIndex) => {
    section.questions.forEach((question, questionIndex) => {
      question.options?.forEach((option, optionIndex) => {
        if (option.reason === undefined) return;
        const path = ["sections", sectionIndex, "questions", questionIndex, "options", optionIndex, "reason"];
        problems.push(...templateProblems(option.reason, known, true).map((message) => ({ path, message })));
      });
    });
  });
  return problems;
}

function scoringRuleProblems(definition: QuestionnaireDefinition): DefinitionProblem[] {
  const questions = new Map(listQuestions(definition).map(({ question }) => [question.id, question]));
  const known = new Set(questions.keys());
  const seenRuleIds = new Set<string>();
  const problems: DefinitionProblem[] = [];
  definition.scoring.rules.forEach((rule, ruleIndex) => {
    const rulePath = ["scoring", "rules", ruleIndex];
    if (seenRuleIds.has(rule.id)) problems.push({ path: rulePath, message: "rule id is used more than once" });
    seenRuleIds.add(rule.id);
    for (const group of ["all", "any"] as const) {
      rule.when[group]?.forEach((condition, conditionIndex) => {
        const path = [...rulePath, "when", group, conditionIndex];
        const target = questions.get(condition.question);
        if (target === undefined) problems.push({ path, message: `refers to unknown question "${condition.question}"` });
        else problems.push(...conditionFitProblems(condition, target).map((message) => ({ path, message })));
      });
    }
    problems.push(...templateProblems(rule.reason, known, false).map((message) => ({ path: [...rulePath, "reason"], message })));
  });
  return problems;
}

function templateProblems(template: string, knownQuestionIds: ReadonlySet<string>, optionAllowed: boolean): string[] {
  return templatePlaceholders(template).flatMap((placeholder) => {
    if (placeholder.kind === "unknown") return [`unknown placeholder {${placeholder.text}}; use {answer:<question_id>}${optionAllowed ? " or {option}" : ""}`];
    if (placeholder.kind === "option" && !optionAllowed) return ["{option} can only be used in an option's reason"];
    if (placeholder.kind === "answer" && !knownQuestionIds.has(placeholder.questionId))
      return [`placeholder {answer:${placeholder.questionId}} refers to unknown question "${placeholder.questionId}"`];
    return [];
  });
}

/** Whether a condition's operator suits the target question's type, and its values are possible answers. */
function conditionFitProblems(condition: Condition, target: Question): string[] {
  const operator = conditionOperators(condition)[0];
  if (operator === undefined) return [];
  const values = [condition[operator]].flat();
  const fits = OPERATOR_TYPES[operator].includes(target.type);
  if (!fits) {
    return [`${operator} cannot be used with ${target.type} question "${target.id}" (use it with ${OPERATOR_TYPES[operator].join(" or ")})`];
  }
  const possible = possibleValues(target);
  const impossible = values.filter((value) => !possible.includes(value as never));
  if (impossible.length === 0) return [];
  return [`${impossible.map((value) => JSON.stringify(value)).join(", ")} is not a possible answer to "${target.id}" (possible: ${possible.join(", ")})`];
}

const OPERATOR_TYPES: Record<ReturnType<typeof conditionOperators>[number], readonly Question["type"][]> = {
  equals: ["single_choice", "yes_no", "scale"],
  not_equals: ["single_choice", "yes_no", "scale"],
  in: ["single_choice", "yes_no", "scale"],
  includes: ["multi_choice"],
  includes_any: ["multi_choice"],
  at_least: ["scale"],
  at_most: ["scale"],
};

function possibleValues(question: Question): ReadonlyArray<string | number> {
  if (question.type === "yes_no") return YES_NO_VALUES;
  if (question.type === "scale") return Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, index) => RATING_MIN + index);
  return (question.options ?? []).map((option) => option.value);
}
