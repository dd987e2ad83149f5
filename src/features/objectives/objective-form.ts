import { z } from "zod";
import { SHARED_WORDING } from "../shared-wording.js";

const isoDate = z
  .string({ message: "Pick a due date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a due date")
  .transform((value) => new Date(`${value}T09:00:00.000Z`));

const number = (message: string) => z.coerce.number({ message }).refine(Number.isFinite, message);

/** An AI objective (6.2): what, the measurable target, who, by when and how often to check in. */
export const objectiveSchema = z.object({
  title: z.string().trim().min(5, "Describe the objective in at least 5 characters").max(200, "Keep it under 200 characters"),
  target: z.string().trim().min(3, "Say how the target is measured").max(300, "Keep it under 300 characters"),
  targetValue: number("Enter the target as a number"),
  unit: z.string().trim().max(30, "Keep the unit short").optional().transform((v) => v || undefined),
  ownerId: z.string({ message: "Choose an owner" }).min(1, "Choose an owner"),
  dueAt: isoDate,
  cadence: z.enum(["weekly", "monthly", "quarterly"]).default("monthly"),
});

/** A progress report on an objective. */
export const checkInSchema = z.object({
  progress: z.enum(["on_track", "at_risk", "off_track"], { message: "Choose on track, at risk or off track" }),
  value: number("Enter progress towards the target as a number"),
  note: z.string().trim().max(2000, SHARED_WORDING.noteTooLong).optional().transform((v) => v || undefined),
});

export type ObjectiveInput = z.output<typeof objectiveSchema>;
export type CheckInInput = z.output<typeof checkInSchema>;
export type { FieldErrors } from "../reminders/parse-fields.js";
