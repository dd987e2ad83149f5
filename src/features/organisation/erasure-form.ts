import { z } from "zod";
import { parseFormFields, type ParsedForm } from "../../core/form-fields.js";

const MAX_REASON = 500;

/** The erasure form as both channels send it: who (an account picked, or an email / chat id typed), why, confirmed. */
export interface RawErasureForm {
  person?: unknown;
  reason?: unknown;
  confirm?: unknown;
}

const schema = z.object({
  person: z.string({ error: "Pick the person whose data to erase." }).trim().min(1, "Pick the person whose data to erase."),
  reason: z
    .string({ error: "Say why (for example the request's reference); do not repeat their name." })
    .trim()
    .min(1, "Say why (for example the request's reference); do not repeat their name.")
    .max(MAX_REASON, `Keep the reason under ${MAX_REASON} characters.`),
  confirm: z.literal(true, { error: "Tick the box to confirm: erasure cannot be undone." }),
});

export type ErasureInput = z.output<typeof schema>;

export function parseErasureForm(raw: RawErasureForm): ParsedForm<ErasureInput, keyof RawErasureForm> {
  return parseFormFields(schema, raw);
}
