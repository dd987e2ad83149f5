import { z } from "zod";
import { oneOf, reportDuplicates, reportMissing } from "../../../core/iso42001/catalogue-checks.js";
import { CONTROL_IDS, type ControlId } from "../../../core/iso42001/controls.js";
import type { OrgRole } from "../../../core/iso42001/org-roles.js";
import { parseYamlData, readRepoTextFile } from "../../../core/iso42001/yaml-data-file.js";

export interface RoleDefault {
  readonly applicable: boolean;
  readonly justification: string;
}

export interface DefaultApplicability {
  readonly controlId: ControlId;
  /** How the control is implemented where it is applicable. */
  readonly implementation: string;
  readonly roles: Readonly<Record<OrgRole, RoleDefault>>;
}

export type DefaultApplicabilityCatalogue = ReadonlyMap<ControlId, DefaultApplicability>;

export const DEFAULT_APPLICABILITY_PATH = "src/features/soa/catalog/default-applicability.yaml";

const text = z.string().trim().min(1);

const roleDefaultSchema = z.strictObject({
  applicable: z.boolean(),
  // Justifications of several roles are joined into one; each must read as a sentence of its own.
  justification: text.regex(/\.$/, "must end with a full stop"),
});

const entrySchema = z.strictObject({
  control: oneOf(CONTROL_IDS, "an Annex A control id"),
  implementation: text,
  roles: z.strictObject({
    ai_user: roleDefaultSchema,
    ai_provider: roleDefaultSchema,
    ai_producer: roleDefaultSchema,
  } satisfies Record<OrgRole, typeof roleDefaultSchema>),
});

const fileSchema = z
  .strictObject({ controls: z.array(entrySchema) })
  .superRefine((file, ctx) => {
    const controlIds = file.controls.map((entry) => entry.control);
    reportDuplicates(ctx, "control", controlIds);
    reportMissing(ctx, "control", CONTROL_IDS, controlIds);
  });

export function parseDefaultApplicability(yamlText: string, source: string): DefaultApplicabilityCatalogue {
  const file = parseYamlData(yamlText, fileSchema, source);
  return new Map(
    file.controls.map((entry) => [
      entry.control,
      Object.freeze({
        controlId: entry.control,
        implementation: entry.implementation,
        roles: Object.freeze(entry.roles),
      }),
    ]),
  );
}

/** The reviewed defaults shipped with the bot, loaded and validated once. */
export const DEFAULT_APPLICABILITY: DefaultApplicabilityCatalogue = parseDefaultApplicability(
  readRepoTextFile(DEFAULT_APPLICABILITY_PATH),
  DEFAULT_APPLICABILITY_PATH,
);
