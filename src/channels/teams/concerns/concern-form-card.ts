import type { AiSystem } from "../../../db/generated/client.js";
import { FormValues, withValues } from "../../../conversation/form.js";
import type { ConcernFieldErrors, RawConcernForm } from "../../../features/concerns/concern-form.js";
import { concernForm, concernFormValues, readConcernForm as readForm } from "../../../features/concerns/conversation/concern-form-view.js";
import type { AdaptiveCard, CardElement } from "../cards/adaptive-card.js";
import { adaptiveCardForm, readCardValues } from "../conversation/adaptive-card-form.js";

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

/** The shared concern form as a card, its Send carrying the form's submission key. */
export function concernFormCard(options: ConcernFormCardOptions): AdaptiveCard {
  const form = { ...concernForm(options.register, options.quote), state: { formId: options.formId } };
  const shown = options.values ? withValues(form, new FormValues(concernFormValues(options.values))) : form;
  const card = adaptiveCardForm(shown, options.errors as Record<string, string> | undefined, options.problem);
  return options.submit ? { ...card, actions: [options.submit] } : card;
}

export const readConcernForm = (data: Record<string, unknown>): RawConcernForm => readForm(new FormValues(readCardValues(data)));
