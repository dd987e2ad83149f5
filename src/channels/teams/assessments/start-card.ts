import type { AiSystem, AiToolRequest, ImpactAssessment } from "../../../db/generated/client.js";
import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";

export const START_INPUTS = { subject: "subject", trigger: "trigger", change: "change" } as const;
export const MAX_CHANGE_LENGTH = 1000;

export interface StartCardInput {
  drafts: readonly ImpactAssessment[];
  requests: readonly AiToolRequest[];
  systems: readonly AiSystem[];
  stepCount: number;
  /** What was chosen and typed, shown again with the errors. */
  typed?: Partial<Record<keyof typeof START_INPUTS, string>>;
  errors?: Partial<Record<keyof typeof START_INPUTS, string>>;
}

function draftLine(draft: ImpactAssessment, stepCount: number): CardElement[] {
  const state = draft.status === "sent_back" ? "sent back for changes" : "draft";
  const comments = draft.status === "sent_back" && draft.reviewComments ? `\n\n“${truncate(draft.reviewComments, 300)}”` : "";
  return [
    textBlock(`**${draft.reference}** · ${state} · step ${Math.min(draft.currentStep + 1, stepCount)} of ${stepCount}${comments}`),
    { type: "ActionSet", actions: [executeAction(`Resume ${draft.reference}`, ASSESSMENT_VERBS.resume, { reference: draft.reference })] },
  ];
}

/** `assess`: continue a draft, or pick a system from the register or a pending request, new or "something changed". */
export function startCard(input: StartCardInput): AdaptiveCard {
  const { typed = {}, errors = {} } = input;
  const body: CardElement[] = [textBlock("AI system impact assessment", { size: "large", weight: "bolder" })];
  if (input.drafts.length > 0) body.push(textBlock("**Continue where you left off**"), ...input.drafts.flatMap((draft) => draftLine(draft, input.stepCount)));
  const choices = [
    ...input.requests.map((request) => ({ title: truncate(`Pending request ${request.reference}: ${request.toolName}`, 100), value: request.reference })),
    ...input.systems.map((system) => ({ title: truncate(`Register ${system.reference}: ${system.name}`, 100), value: system.reference })),
  ];
  if (choices.length === 0) {
    body.push(textBlock("There is nothing to assess yet: the register is empty and no request is pending."));
    return adaptiveCard(body);
  }
  body.push(
    textBlock(input.drafts.length > 0 ? "**Or start a new one**" : "Assess what an AI system can do to people, groups and society (ISO 42001 6.1.4).", { subtle: input.drafts.length === 0 }),
    {
      type: "Input.ChoiceSet",
      id: START_INPUTS.subject,
      label: "Which AI system or request?",
      style: "compact",
      placeholder: "Choose one",
      choices,
      ...(typed.subject ? { value: typed.subject } : {}),
    },
    ...(errors.subject ? [errorBlock(errors.subject)] : []),
    {
      type: "Input.ChoiceSet",
      id: START_INPUTS.trigger,
      label: "Why now?",
      style: "expanded",
      value: typed.trigger || "initial",
      choices: [
        { title: "A new assessment", value: "initial" },
        { title: "Something changed (re-assess from the last one)", value: "significant_change" },
      ],
    },
    {
      type: "Input.Text",
      id: START_INPUTS.change,
      label: "What changed? (only for a re-assessment)",
      placeholder: "E.g. a new model or vendor, new kinds of data, new users or new decisions.",
      isMultiline: true,
      maxLength: MAX_CHANGE_LENGTH,
      ...(typed.change ? { value: typed.change } : {}),
    },
    ...(errors.change ? [errorBlock(errors.change)] : []),
  );
  return adaptiveCard(body, [executeAction("Start", ASSESSMENT_VERBS.start, {}, "positive")]);
}
