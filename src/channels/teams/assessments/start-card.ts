import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { AiSystem, AiToolRequest, ImpactAssessment } from "../../../db/generated/client.js";
import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";

const W = ASSESSMENT_WORDING.picker;

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
  const state = W.draftState(draft.status);
  const comments = draft.status === "sent_back" && draft.reviewComments ? `\n\n“${truncate(draft.reviewComments, 300)}”` : "";
  return [
    textBlock(`**${draft.reference}** · ${state} · ${W.draftStep(Math.min(draft.currentStep + 1, stepCount), stepCount)}${comments}`),
    { type: "ActionSet", actions: [executeAction(`${W.resume} ${draft.reference}`, ASSESSMENT_VERBS.resume, { reference: draft.reference })] },
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
    body.push(textBlock(W.nothingToAssess));
    return adaptiveCard(body);
  }
  body.push(
    textBlock(input.drafts.length > 0 ? "**Or start a new one**" : "Assess what an AI system can do to people, groups and society (ISO 42001 6.1.4).", { subtle: input.drafts.length === 0 }),
    {
      type: "Input.ChoiceSet",
      id: START_INPUTS.subject,
      label: W.subject,
      style: "compact",
      placeholder: W.choose,
      choices,
      ...(typed.subject ? { value: typed.subject } : {}),
    },
    ...(errors.subject ? [errorBlock(errors.subject)] : []),
    {
      type: "Input.ChoiceSet",
      id: START_INPUTS.trigger,
      label: W.trigger,
      style: "expanded",
      value: typed.trigger || "initial",
      choices: [
        { title: W.initial, value: "initial" },
        { title: W.significantChange, value: "significant_change" },
      ],
    },
    {
      type: "Input.Text",
      id: START_INPUTS.change,
      label: "What changed? (only for a re-assessment)",
      placeholder: W.changeHint,
      isMultiline: true,
      maxLength: MAX_CHANGE_LENGTH,
      ...(typed.change ? { value: typed.change } : {}),
    },
    ...(errors.change ? [errorBlock(errors.change)] : []),
  );
  return adaptiveCard(body, [executeAction(W.start, ASSESSMENT_VERBS.start, {}, "positive")]);
}
