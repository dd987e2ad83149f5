/**
 * Reason texts in a definition may contain placeholders:
 *   {answer:<question_id>}  the human-readable answer to that question (option labels, joined)
 *   {option}                in an option's reason only: that option's label
 */
const PLACEHOLDER = /\{([^{}]*)\}/g;
const ANSWER_PLACEHOLDER = /^answer:([a-z0-9_]+)$/;

export type Placeholder = { kind: "option" } | { kind: "answer"; questionId: string } | { kind: "unknown"; text: string };

export function templatePlaceholders(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => parsePlaceholder(match[1] ?? ""));
}

function parsePlaceholder(text: string): Placeholder {
  if (text === "option") return { kind: "option" };
  const answer = ANSWER_PLACEHOLDER.exec(text);
  if (answer?.[1] !== undefined) return { kind: "answer", questionId: answer[1] };
  return { kind: "unknown", text };
}

export interface TemplateValues {
  readonly option?: string;
  readonly answerText: (questionId: string) => string;
}

export function renderReasonTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, text: string) => {
    const placeholder = parsePlaceholder(text);
    if (placeholder.kind === "option") return values.option ?? whole;
    if (placeholder.kind === "answer") return values.answerText(placeholder.questionId);
    return whole;
  });
}
