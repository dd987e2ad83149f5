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

/**
 * An audience as the form offers it: "everyone", "group:<DirectoryGroup id>", "role:<role>", "assigned" (whom a
 * training module's rules name) or "system" (with a system: the people the register records as using it).
 */
export type AudienceChoice =
  | { audience: "everyone" }
  | { audience: "assigned" }
  | { audience: "group"; groupId: string }
  | { audience: "role"; role: AimsRole }
  | { audience: "system"; systemId: number };

export function parseAudience(value: string | undefined, systemId?: number): AudienceChoice | null {
  if (value === "everyone" || value === "assigned") return { audience: value };
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

/** What the campaign is of, as the form's first field offers it: a document version id, or "module:<id>:<version>". */
export type SubjectChoice = { kind: "document"; versionId: number } | { kind: "module"; moduleId: string; version: number };

export const moduleChoice = (moduleId: string, version: number) => `module:${moduleId}:${version}`;

export function parseSubject(value: string): SubjectChoice | null {
  if (/^\d+$/.test(value)) return { kind: "document", versionId: Number(value) };
  const module = /^module:([a-z][a-z0-9-]*):(\d+)$/.exec(value);
  return module ? { kind: "module", moduleId: module[1]!, version: Number(module[2]) } : null;
}

const CHOOSE_SYSTEM = "Choose the AI system whose users must accept it";

export function campaignSchema(now: Date, zone: string) {
  return z
    .object({
    // "versionId" for its history: a document version, or a training module.
    versionId: z
      .string({ error: "Choose the document people must accept" })
      .transform((value, ctx) => {
        const parsed = parseSubject(value);
        if (!parsed) ctx.addIssue({ code: "custom", message: "Choose the document people must accept" });
        return parsed as SubjectChoice;
      }),
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
