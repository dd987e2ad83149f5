import { z } from "zod";
import { ANNEX_A_GROUP_IDS, CONTROL_IDS, type AnnexAGroupId, type ControlId } from "./control-ids.js";
import { EVIDENCE_RECORD_TYPES, type EvidenceRecordType } from "./evidence-record-types.js";
import { oneOf, reportDuplicates, reportMissing } from "./catalogue-checks.js";
import { parseYamlData } from "./yaml-data-file.js";

export interface AnnexAGroup {
  readonly id: AnnexAGroupId;
  readonly title: string;
}

export interface AnnexAControl {
  readonly id: ControlId;
  readonly title: string;
  readonly group: AnnexAGroup;
  /** Where the bot keeps evidence for this control, in words. */
  readonly evidenceSource: string;
  readonly evidenceRecordTypes: readonly EvidenceRecordType[];
}

export interface Clause {
  readonly id: string;
  readonly topic: string;
  /** How the bot takes part in this clause, in words. */
  readonly botSupport: string;
  /** The kinds of record that evidence it (nonconformities for 10.2); none when the bot only takes part. */
  readonly evidenceRecordTypes: readonly EvidenceRecordType[];
}

export interface AnnexACatalogue {
  readonly groups: readonly AnnexAGroup[];
  readonly controls: readonly AnnexAControl[];
  readonly clauses: readonly Clause[];
}

const text = z.string().trim().min(1);

const recordTypes = z
  .array(oneOf(EVIDENCE_RECORD_TYPES, "a known evidence record type"))
  .min(1)
  .refine((types) => new Set(types).size === types.length, "lists a record type more than once");

const controlSchema = z.strictObject({
  id: oneOf(CONTROL_IDS, "an Annex A control id"),
  title: text,
  evidence_source: text,
  evidence_record_types: recordTypes,
});

const groupSchema = z
  .strictObject({
    id: oneOf(ANNEX_A_GROUP_IDS, "an Annex A section id (A.2..A.10)"),
    title: text,
    controls: z.array(controlSchema).min(1),
  })
  .superRefine((group, ctx) => {
    group.controls.forEach((control, index) => {
      if (!control.id.startsWith(`${group.id}.`)) {
        const message = `does not belong in group ${group.id}`;
        ctx.addIssue({ code: "custom", path: ["controls", index, "id"], message });
      }
    });
  });

const clauseSchema = z.strictObject({
  id: z.string().regex(/^\d+(\.\d+)+$/, "must be a clause number such as 6.1.4 (quote it in YAML)"),
  topic: text,
  bot_support: text,
  evidence_record_types: recordTypes.optional(),
});

const catalogueFileSchema = z
  .strictObject({
    groups: z.array(groupSchema),
    clauses: z.array(clauseSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const groupIds = file.groups.map((group) => group.id);
    const controlIds = file.groups.flatMap((group) => group.controls.map((control) => control.id));
    reportDuplicates(ctx, "group", groupIds);
    reportMissing(ctx, "group", ANNEX_A_GROUP_IDS, groupIds);
    reportDuplicates(ctx, "control", controlIds);
    reportMissing(ctx, "control", CONTROL_IDS, controlIds);
    reportDuplicates(
      ctx,
      "clause",
      file.clauses.map((clause) => clause.id),
    );
  });

export function parseAnnexACatalogue(yamlText: string, source: string): AnnexACatalogue {
  const file = parseYamlData(yamlText, catalogueFileSchema, source);
  const groups = file.groups.map((group) => Object.freeze({ id: group.id, title: group.title }));
  const controls = file.groups.flatMap((group, index) =>
    group.controls.map((control) =>
      Object.freeze({
        id: control.id,
        title: control.title,
        group: groups[index],
        evidenceSource: control.evidence_source,
        evidenceRecordTypes: Object.freeze(control.evidence_record_types),
      }),
    ),
  );
  const clauses = file.clauses.map((clause) =>
    Object.freeze({ id: clause.id, topic: clause.topic, botSupport: clause.bot_support, evidenceRecordTypes: Object.freeze(clause.evidence_record_types ?? []) }),
  );
  return Object.freeze({
    groups: Object.freeze(groups),
    controls: Object.freeze(controls),
    clauses: Object.freeze(clauses),
  });
}
