import type { AiSystem } from "../../../db/generated/client.js";
import {
  AI_SYSTEM_TEXT_MAX,
  CONCERN_CATEGORIES,
  DESCRIPTION_MAX,
  type ConcernFieldErrors,
  type RawConcernForm,
} from "../../../features/concerns/concern-form.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import { choiceInput, readText, textInput, toggleInput } from "../incidents/card-inputs.js";
import { CONCERN_VERBS } from "./concern-verbs.js";

/** The input ids are the field names of the shared concern schema. */
export const ANONYMOUS_INPUT = "anonymous";
const REGISTER_CHOICES_SHOWN = 100;

export interface ConcernFormCardOptions {
  /** Random per card: the submission key of a named concern, so a retried click files one. */
  formId: string;
  register: readonly AiSystem[];
  values?: RawConcernForm;
  errors?: ConcernFieldErrors;
  problem?: string;
  /** The message being reported, shown above the form (message action only). */
  quote?: string;
  /** In a dialog the button is an Action.Submit; in a chat card, Send (Action.Execute). */
  submit?: CardElement;
}

/** The concern form, from the same categories and limits as the Slack modal; validation is the shared zod schema. */
export function concernFormCard(options: ConcernFormCardOptions): AdaptiveCard {
  const { values = {}, errors = {}, register } = options;
  const body = [
    textBlock("Report an AI concern", { size: "large", weight: "bolder" }),
    textBlock(
      "Tell the AIMS triagers about a problem with AI. Only they see it. Tick **Report anonymously** and nothing that identifies you is stored: you get a case code and a secret to follow up instead.",
    ),
    ...(options.problem ? [textBlock(options.problem, { color: "attention", weight: "bolder" })] : []),
    ...(options.quote ? [textBlock("The message you are reporting:", { weight: "bolder" }), textBlock(`> ${truncate(options.quote, 500)}`, { subtle: true })] : []),
    ...textInput("description", {
      label: "What happened?",
      required: true,
      multiline: true,
      maxLength: DESCRIPTION_MAX,
      value: values.description,
      error: errors.description,
    }),
    ...(register.length > 0
      ? choiceInput("aiSystemReference", {
          label: "Which AI system? (from the register)",
          compact: true,
          choices: register.slice(0, REGISTER_CHOICES_SHOWN).map((system) => ({ value: system.reference, label: truncate(`${system.name} (${system.reference})`, 100) })),
          value: values.aiSystemReference,
          error: errors.aiSystemReference,
        })
      : []),
    ...textInput("aiSystemText", {
      label: register.length > 0 ? "…or, if it is not listed, which AI system?" : "Which AI system?",
      maxLength: AI_SYSTEM_TEXT_MAX,
      value: values.aiSystemText,
      error: errors.aiSystemText,
    }),
    ...choiceInput("category", {
      label: "What kind of concern is it?",
      required: true,
      choices: CONCERN_CATEGORIES,
      value: values.category,
      error: errors.category,
    }),
    ...toggleInput(ANONYMOUS_INPUT, {
      label: "Anonymity",
      title: "Report anonymously",
      valueOn: "true",
      value: values.anonymous,
    }),
  ];
  return adaptiveCard(body, [options.submit ?? executeAction("Send", CONCERN_VERBS.submit, { formId: options.formId }, "positive")]);
}

export function readConcernForm(data: Record<string, unknown>): RawConcernForm {
  return {
    description: readText(data, "description"),
    category: readText(data, "category"),
    aiSystemReference: readText(data, "aiSystemReference"),
    aiSystemText: readText(data, "aiSystemText"),
    anonymous: readText(data, ANONYMOUS_INPUT) === "true",
  };
}
