import { z } from "zod";

/** The zod building blocks every settings module shares, so a Slack id or a flag is checked the same everywhere. */

export const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text; empty or blank counts as unset. */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const idList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  );

/** Comma-separated Slack user ids. */
export const slackUserIds = idList.pipe(
  z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, "must be Slack user ids such as U012ABCDEF")),
);

/** Comma-separated Microsoft Entra (AAD) object ids, as Teams identifies people. */
export const aadObjectIds = idList.pipe(
  z.array(z.string().regex(AAD_OBJECT_ID, "must be Microsoft Entra (AAD) object ids such as 00000000-0000-0000-0000-000000000000")),
);

/** An optional Slack channel id (public or private). */
export const optionalSlackChannelId = optionalText.pipe(
  z.string().regex(/^[CG][A-Z0-9]{2,}$/, "must be a Slack channel id such as C012ABCDEF").optional(),
);

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** "true" or "false". */
export const flag = (fallback: boolean) =>
  z
    .enum(["true", "false"], { message: 'must be "true" or "false"' })
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true");
