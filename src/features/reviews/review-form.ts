import { z } from "zod";
import { parseFields, type FieldErrors } from "../reminders/parse-fields.js";
import { REVIEW_KIND_NAMES } from "./review-kinds.js";

const isoDate = z
  .string({ message: "Pick the next due date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick the next due date")
  .transform((value) => new Date(`${value}T09:00:00.000Z`));

/** A review schedule as typed by an AIMS owner; shared by every channel's form. */
export const reviewScheduleSchema = z.object({
  kind: z.enum(REVIEW_KIND_NAMES, { message: "Choose what kind of review this is" }),
  title: z.string().trim().min(3, "Give the review a name of at least 3 characters").max(150, "Keep the name under 150 characters"),
  ownerId: z.string({ message: "Choose who owns the review" }).min(1, "Choose who owns the review"),
  intervalMonths: z.coerce.number({ message: "Enter how many months between reviews" }).int("Use whole months").min(1, "At least 1 month").max(60, "At most 60 months"),
  nextDueAt: isoDate,
});

export type ReviewScheduleInput = z.output<typeof reviewScheduleSchema>;
export type ReviewFieldErrors = FieldErrors<ReviewScheduleInput>;

export const parseReviewSchedule = (raw: Record<string, unknown>) => parseFields(reviewScheduleSchema, raw);
