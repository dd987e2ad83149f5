import { z } from "zod";
import { SHARED_WORDING } from "../shared-wording.js";

/** What a person gives as evidence that a due item was done: a note, a link, or both (ISO 42001 7.5). */
export const evidenceSchema = z
  .object({
    note: z.string().trim().max(2000, SHARED_WORDING.noteTooLong).optional().transform((v) => v || undefined),
    link: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.url({ protocol: /^https?$/, message: "Use a full https:// link" }).optional()),
  })
  .refine((evidence) => evidence.note || evidence.link, { message: "Add a note or a link as evidence", path: ["note"] });

export type Evidence = z.output<typeof evidenceSchema>;
