import type { AnswerValue } from "./answer-value.js";
import type { Question, QuestionnaireDefinition } from "./definition-schema.js";

/**
 * An answer in words, for summaries any channel can show: option labels joined with "and", "Yes"/"No",
 * a scale's label, "likelihood 3, severity 4", or the text as typed.
 */
export function describeAnswer(definition: QuestionnaireDefinition, question: Question, answer: AnswerValue | undefined): string {
  if (answer === undefined) return "(not answered)";
  switch (question.type) {
    case "single_choice":
    case "multi_choice": {
      const chosen = [answer].flat();
      return joinWords((question.options ?? []).filter((option) => chosen.includes(option.value)).map((option) => option.label));
    }
    case "yes_no":
      return answer === "yes" ? "Yes" : "No";
    case "scale":
      return typeof answer === "number" ? (question.scale_labels?.[answer - 1] ?? String(answer)) : String(answer);
    case "likelihood_severity":
      if (typeof answer === "object" && !Array.isArray(answer)) {
        const { likelihood, severity } = answer as { likelihood: number; severity: number };
        return `likelihood ${definition.rating_labels.likelihood[likelihood - 1] ?? likelihood}, severity ${definition.rating_labels.severity[severity - 1] ?? severity}`;
      }
      return String(answer);
    default:
      return String(answer);
  }
}

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
