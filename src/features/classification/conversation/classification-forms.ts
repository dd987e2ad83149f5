import type { Field, Form, FormValues } from "../../../conversation/form.js";
import { section } from "../../../conversation/message.js";
import type { AiSystem } from "../../../db/generated/client.js";
import type { ClassificationDefinition } from "../classification-definition.js";
import { answerFieldId, type RawAnswers, storedClassification } from "../classify.js";
import { CLASSIFICATION_IDS } from "./classification-ids.js";
import { CLASSIFICATION_WORDING as W } from "./classification-wording.js";

/**
 * The definition's questions as form fields, each citing its article in its hint and each option its own: added
 * to the request form and making up the form that classifies a register entry.
 */
export function classificationFields(definition: ClassificationDefinition, values: RawAnswers = {}): Field[] {
  return definition.questions.map((question): Field => {
    const id = answerFieldId(question);
    const value = values[id];
    const options = question.options.map((option) => ({ value: option.value, label: option.label, description: option.cites }));
    const hint = [question.hint, question.cites].filter(Boolean).join(" ");
    if (question.kind === "multiple") {
      return { id, kind: "checkboxes", label: question.label, hint, options, initial: Array.isArray(value) ? value : value ? value.split(",") : undefined };
    }
    return { id, kind: "select", radio: true, label: question.label, hint, options, initial: Array.isArray(value) ? value[0] : value || undefined };
  });
}

/** The answers from submitted form values, whichever chat sent them: lists for "multiple" questions. */
export function rawAnswersOf(definition: ClassificationDefinition, values: FormValues): RawAnswers {
  return Object.fromEntries(
    definition.questions.map((question) => {
      const id = answerFieldId(question);
      return [id, question.kind === "multiple" ? values.list(id) : values.text(id)];
    }),
  );
}

/** A stored classification's answers as form values, to prefill a form. */
export function storedAnswers(definition: ClassificationDefinition, stored: unknown): RawAnswers {
  const classification = storedClassification(stored);
  if (!classification) return {};
  return Object.fromEntries(definition.questions.map((question) => [answerFieldId(question), classification.answers[question.id]]));
}

/** The form that classifies a register entry, prefilled with its current classification. */
export function systemClassificationForm(definition: ClassificationDefinition, system: Pick<AiSystem, "reference" | "name" | "aiActClassification">): Form {
  return {
    id: CLASSIFICATION_IDS.forms.system,
    title: W.formTitle(system.reference),
    submit: W.submit,
    cancel: { label: W.cancel },
    intro: [section([W.formIntro(system.reference, system.name)])],
    state: { reference: system.reference },
    fields: classificationFields(definition, storedAnswers(definition, system.aiActClassification)),
  };
}
