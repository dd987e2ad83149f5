import { z } from "zod";
import { parseForm, requiredText, type FieldErrorsOf, type RawForm } from "./form-text.js";
import { SHARED_WORDING } from "../shared-wording.js";

export const CORRECTIVE_ACTION_LIMITS = { description: 1000 } as const;

const todayUtc = (now: Date) => now.toISOString().slice(0, 10);

/** A calendar date (YYYY-MM-DD) today or later, stored as midnight UTC. */
export function dueDateSchema(now: Date) {
  return z
    .string({ error: "A due date is required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "A due date is required")
    .refine((day) => !Number.isNaN(new Date(`${day}T00:00:00Z`).getTime()), "That is not a date")
    .refine((day) => day >= todayUtc(now), SHARED_WORDING.dueDateInPast)
    .transform((day) => new Date(`${day}T00:00:00Z`));
}

/** The owner is a person on the same chat platform as whoever records the action. */
export const ownerIdSchema = z.string({ error: SHARED_WORDING.chooseActionOwner }).trim().min(1, SHARED_WORDING.chooseActionOwner);

export function correctiveActionSchema(now: Date) {
  return z.object({
    description: requiredText("The action", 5, CORRECTIVE_ACTION_LIMITS.description),
    ownerId: ownerIdSchema,
    dueDate: dueDateSchema(now),
  });
}

export type CorrectiveActionInput = z.output<ReturnType<typeof correctiveActionSchema>>;
export type CorrectiveActionField = keyof CorrectiveActionInput;
export type RawCorrectiveActionForm = RawForm<CorrectiveActionField>;
export type CorrectiveActionFieldErrors = FieldErrorsOf<CorrectiveActionField>;

export function parseCorrectiveActionForm(raw: RawCorrectiveActionForm, now: Date) {
  return parseForm(correctiveActionSchema(now), raw);
}
