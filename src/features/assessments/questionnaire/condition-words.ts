import { describeAnswer } from "./answer-text.js";
import { questionsById } from "./definition-index.js";
import type { Condition, QuestionnaireDefinition } from "./definition-schema.js";
import { truncateText } from "./plan-steps.js";

/** A `show_if` condition in words, for the hint of a follow-up question shown on the same step as the one it depends on. */
export function conditionWords(definition: QuestionnaireDefinition, condition: Condition): string {
  const dependency = questionsById(definition).get(condition.question);
  const words = (values: readonly (string | number)[]) =>
    values.map((value) => `"${dependency ? describeAnswer(definition, dependency, value) : value}"`).join(" or ");
  const question = `"${truncateText(dependency?.label ?? condition.question, 80)}"`;
  if (condition.equals !== undefined) return `${question} is ${words([condition.equals])}`;
  if (condition.not_equals !== undefined) return `${question} is not ${words([condition.not_equals])}`;
  if (condition.in !== undefined) return `${question} is ${words(condition.in)}`;
  if (condition.includes !== undefined) return `${question} includes ${words([condition.includes])}`;
  if (condition.includes_any !== undefined) return `${question} includes ${words(condition.includes_any)}`;
  if (condition.at_least !== undefined) return `${question} is at least ${condition.at_least}`;
  return `${question} is at most ${condition.at_most}`;
}
