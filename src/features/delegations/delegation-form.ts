import { z } from "zod";
import { parseFormFields, type ParsedForm } from "../../core/form-fields.js";
import type { Actor } from "../../core/actor.js";

export const MAX_DELEGATION_DAYS = 90;
const MAX_REASON = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A delegation as the form sends it: the delegate from a people picker, the days as YYYY-MM-DD. */
export interface RawDelegationForm {
  delegate?: Actor | null;
  holder?: unknown;
  from?: unknown;
  until?: unknown;
  reason?: unknown;
}

const startOfDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
const day = (field: string) => z.iso.date({ error: `Pick the ${field} day, such as 2027-03-31.` }).transform((value) => new Date(`${value}T00:00:00Z`));

/**
 * The cover runs from the start of its first day (or now, when that is today) to the end of its last day, UTC; it
 * cannot start in the past, and lasts at most MAX_DELEGATION_DAYS.
 */
function delegationSchema(holders: readonly string[], now: Date) {
  return z
    .object({
      delegate: z.object({ channel: z.enum(["slack", "teams"]), id: z.string().min(1) }, { error: "Pick the person who covers for you." }),
      holder: z.string({ error: "Pick what they decide for you." }).refine((holder) => holders.includes(holder), "Pick what they decide for you."),
      from: day("first").refine((from) => from >= startOfDay(now), "The cover cannot start in the past."),
      until: day("last"),
      reason: z.string({ error: "Say why (holiday cover, for example)." }).trim().min(1, "Say why (holiday cover, for example).").max(MAX_REASON, `Keep the reason under ${MAX_REASON} characters.`),
    })
    .transform((input) => ({ ...input, validFrom: input.from.getTime() === startOfDay(now).getTime() ? now : input.from, validUntil: new Date(input.until.getTime() + DAY_MS) }))
    .superRefine((input, context) => {
      if (input.until < input.from) context.addIssue({ code: "custom", path: ["until"], message: "The last day cannot be before the first." });
      else if (input.validUntil.getTime() - input.from.getTime() > MAX_DELEGATION_DAYS * DAY_MS) {
        context.addIssue({ code: "custom", path: ["until"], message: `A delegation lasts at most ${MAX_DELEGATION_DAYS} days.` });
      }
    });
}

export type DelegationInput = z.output<ReturnType<typeof delegationSchema>>;

/** `holders`: what this person may delegate now (the policy's stage holders they hold). */
export function parseDelegationForm(raw: RawDelegationForm, holders: readonly string[], now: Date): ParsedForm<DelegationInput, keyof RawDelegationForm> {
  return parseFormFields(delegationSchema(holders, now), raw);
}
