import { z } from "zod";

export const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A comma-separated list of Microsoft Entra (AAD) object ids, as Teams identifies people. */
export const aadObjectIdList = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(",").map((id) => id.trim()).filter((id) => id.length > 0))
  .pipe(z.array(z.string().regex(AAD_OBJECT_ID, "must be Microsoft Entra (AAD) object ids such as 00000000-0000-0000-0000-000000000000")));
