import { DateTime } from "luxon";
import { z } from "zod";
import { parseFormFields } from "../../core/form-fields.js";
import { AIMS_ROLES, type AimsRole } from "../../core/roles.js";

export const CAMPAIGN_FIELDS = ["versionId", "audience", "systemId", "deadline", "newJoiners"] as const;
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];

/** The checkbox that adds people who join later. */
export const NEW_JOINERS = "new_joiners";

/** The audience option whose people are those of the AI system chosen in the form's system picker. */
export const SYSTEM_AUDIENCE = "system";

/** An audience as the form offers it: "everyone", "group:<DirectoryGroup id>", "role:<role>" or "system" (with a system). */
export type AudienceChoice =
  | { audience: "everyone" }
  | { audience: "group"; groupId: string }
  | { audience: "role"; role: AimsRole }
  | { audience: "system"; systemId: number };

export function parseAudience(value: string | undefined, systemId?: number): AudienceChoice | null {
  if (value === "everyone") return { audience: "everyone" };
  if (value === SYSTEM_AUDIENCE && systemId !== undefined) return { audience: "system", systemId };
  if (value?.startsWith("group:") && value.length > 6) return { audience: "group", groupId: value.slice(6) };
  const role = value?.startsWith("role:") ? value.slice(5) : undefined;
  if (role && (AIMS_ROLES as readonly string[]).includes(role)) return { audience: "role", role: role as AimsRole };
  return null;
}

/** The deadline people see is a day; it falls at 17:00 of that day in the AIMS timezone. */
export function deadlineOf(day: string, zone: string): Date {
  return DateTime.fromISO(day, { zone }).set({ hour: 17 }).toJSDate();
}

const CHOOSE_SYSTEM = "Choose the AI system whose users must accept it";

export function campaignSchema(now: Date, zone: string) {
  return z
    .object({
    versionId: z
      .string({ error: "Choose the document people must accept" })
      .regex(/^\d+$/, "Choose the document people must accept")
      .transform(Number),
    audience: z.string({ error: "Choose who must accept it" }),
    systemId: z
      .string()
      .optional()
      .transform((value) => (value && /^\d+$/.test(value) ? Number(value) : undefined)),
    deadline: z
      .string({ error: "Choose a deadline" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a deadline")
      .refine((day) => DateTime.fromISO(day, { zone }).isValid, "Choose a deadline")
      .refine((day) => deadlineOf(day, zone) > now, "The deadline must be in the future")
      .transform((day) => deadlineOf(day, zone)),
    newJoiners: z
      .union([z.array(z.string()), z.string()])
      .optional()
      .transform((value) => value === NEW_JOINERS || (Array.isArray(value) && value.includes(NEW_JOINERS))),
    })
    .transform(({ audience, systemId, ...rest }, ctx) => {
      const parsed = parseAudience(audience, systemId);
      if (!parsed) {
        const onSystem = audience === SYSTEM_AUDIENCE;
        ctx.addIssue({ code: "custom", path: [onSystem ? "systemId" : "audience"], message: onSystem ? CHOOSE_SYSTEM : "Choose who must accept it" });
        return z.NEVER;
      }
      return { ...rest, audience: parsed };
    });
}

export function parseCampaignForm(raw: unknown, now: Date, zone: string) {
  return parseFormFields<ReturnType<typeof campaignSchema>, CampaignField>(campaignSchema(now, zone), raw);
}
