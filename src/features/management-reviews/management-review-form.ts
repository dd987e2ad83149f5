import { DateTime } from "luxon";
import { z } from "zod";
import { AIMS_ROLES, type AimsRole } from "../../core/roles.js";
import type { ManagementReviewDecisionKind } from "../../db/generated/enums.js";
import { parseFields, type FieldErrors } from "../reminders/parse-fields.js";
import { SHARED_WORDING } from "../shared-wording.js";

/** The kinds of decision clause 9.3.3 asks a management review to take, as people read them. */
export const DECISION_KINDS: Record<ManagementReviewDecisionKind, string> = {
  improvement: "Opportunity for continual improvement",
  change: "Change to the AIMS",
  resource: "Resource need",
};
export const DECISION_KIND_NAMES = Object.keys(DECISION_KINDS) as ManagementReviewDecisionKind[];

/** Slack holds at most 3,000 characters in a text input. */
export const REVIEW_LIMITS = { title: 150, decision: 2000, action: 1000, minutes: 3000 } as const;

const day = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((value) => DateTime.fromISO(value).isValid, "That is not a date");

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(min, `${what} needs at least ${min} characters`)
    .max(max, `Keep it under ${max} characters`);

/** A review as the AIMS owner schedules it: a name, a day (09:00 in the organisation's timezone), and who reviews. */
export function scheduleSchema(now: Date, zone: string) {
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  return z.object({
    title: text("The name", 3, REVIEW_LIMITS.title),
    date: day("Pick the day of the review")
      .refine((value) => value >= today, "The review cannot be in the past")
      .transform((value) => DateTime.fromISO(value, { zone }).set({ hour: 9 }).toUTC().toJSDate()),
    reviewerRole: z
      .union([z.literal(""), z.enum(AIMS_ROLES as [AimsRole, ...AimsRole[]])])
      .optional()
      .transform((value) => (value ? value : null)),
  });
}

export function decisionSchema() {
  return z.object({
    kind: z.enum(DECISION_KIND_NAMES as [ManagementReviewDecisionKind, ...ManagementReviewDecisionKind[]], { error: "Choose what kind of decision it is" }),
    text: text("The decision", 5, REVIEW_LIMITS.decision),
  });
}

/** An action: what, who (a person of the chat it is recorded in) and by when (today or later, in the organisation's days). */
export function actionSchema(now: Date, zone: string) {
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  return z.object({
    description: text("The action", 5, REVIEW_LIMITS.action),
    ownerId: z.string({ error: SHARED_WORDING.chooseActionOwner }).trim().min(1, SHARED_WORDING.chooseActionOwner),
    dueDate: day("A due date is required")
      .refine((value) => value >= today, SHARED_WORDING.dueDateInPast)
      .transform((value) => new Date(`${value}T00:00:00Z`)),
  });
}

export function minutesSchema() {
  return z.object({ minutes: text("The minutes", 10, REVIEW_LIMITS.minutes) });
}

export type ScheduleInput = z.output<ReturnType<typeof scheduleSchema>>;
export type DecisionInput = z.output<ReturnType<typeof decisionSchema>>;
export type ActionInput = z.output<ReturnType<typeof actionSchema>>;
export type ReviewFormErrors = FieldErrors<Record<string, unknown>>;

export const parseSchedule = (raw: Record<string, unknown>, now: Date, zone: string) => parseFields(scheduleSchema(now, zone), raw);
export const parseDecision = (raw: Record<string, unknown>) => parseFields(decisionSchema(), raw);
export const parseAction = (raw: Record<string, unknown>, now: Date, zone: string) => parseFields(actionSchema(now, zone), raw);
export const parseMinutes = (raw: Record<string, unknown>) => parseFields(minutesSchema(), raw);
