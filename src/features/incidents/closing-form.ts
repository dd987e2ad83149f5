import { z } from "zod";
import { CORRECTIVE_ACTION_LIMITS, dueDateSchema } from "./corrective-action-form.js";
import { optionalText, parseForm, requiredText, type FieldErrorsOf, type RawForm } from "./form-text.js";
import { SHARED_WORDING } from "../shared-wording.js";

export const CLOSING_LIMITS = { rootCause: 1500, noActionReason: 1000 } as const;

/** The value of the "no corrective action is needed" checkbox. */
export const NO_ACTION_NEEDED = "none_needed";

/**
 * Closing an incident (ISO 42001 10.2): a short root cause, and either corrective actions (already recorded, or
 * one given here with owner and due date) or an explicit statement that none is needed, with the reason.
 */
export function closingFormSchema(now: Date, existingActions: number) {
  return z
    .object({
      rootCause: requiredText("Root cause", 5, CLOSING_LIMITS.rootCause),
      actionDescription: optionalText("The action", CORRECTIVE_ACTION_LIMITS.description),
      actionOwnerId: optionalText("Owner", 40),
      actionDueDate: optionalText("Due date", 10).pipe(dueDateSchema(now).optional()),
      noActionNeeded: z
        .array(z.string())
        .optional()
        .transform((chosen) => (chosen ?? []).includes(NO_ACTION_NEEDED)),
      noActionReason: optionalText("Reason", CLOSING_LIMITS.noActionReason),
    })
    .superRefine((form, ctx) => {
      const actionParts = [form.actionDescription, form.actionOwnerId, form.actionDueDate];
      const givesAction = actionParts.some(Boolean);
      if (givesAction) {
        if (!form.actionDescription || form.actionDescription.length < 5) {
          ctx.addIssue({ code: "custom", path: ["actionDescription"], message: "Describe the action (at least 5 characters)" });
        }
        if (!form.actionOwnerId) ctx.addIssue({ code: "custom", path: ["actionOwnerId"], message: SHARED_WORDING.chooseActionOwner });
        if (!form.actionDueDate) ctx.addIssue({ code: "custom", path: ["actionDueDate"], message: "Choose a due date" });
      }
      if (form.noActionNeeded && givesAction) {
        ctx.addIssue({
          code: "custom",
          path: ["noActionNeeded"],
          message: "You gave a corrective action; untick \"none needed\" or clear the action",
        });
      }
      if (form.noActionNeeded && !form.noActionReason) {
        ctx.addIssue({ code: "custom", path: ["noActionReason"], message: "Say why no corrective action is needed" });
      }
      if (!givesAction && !form.noActionNeeded && existingActions === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["actionDescription"],
          message: "Closing needs at least one corrective action, or tick \"none needed\" and say why",
        });
      }
    })
    .transform((form) => ({
      rootCause: form.rootCause,
      correctiveAction:
        form.actionDescription && form.actionOwnerId && form.actionDueDate
          ? { description: form.actionDescription, ownerId: form.actionOwnerId, dueDate: form.actionDueDate }
          : undefined,
      noActionReason: form.noActionNeeded ? form.noActionReason : undefined,
    }));
}

export type ClosingInput = z.output<ReturnType<typeof closingFormSchema>>;
export type ClosingField = "rootCause" | "actionDescription" | "actionOwnerId" | "actionDueDate" | "noActionNeeded" | "noActionReason";
export type RawClosingForm = RawForm<ClosingField>;
export type ClosingFieldErrors = FieldErrorsOf<ClosingField>;

export function parseClosingForm(raw: RawClosingForm, now: Date, existingActions: number) {
  return parseForm(closingFormSchema(now, existingActions), raw);
}
