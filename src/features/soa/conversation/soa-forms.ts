import { type ControlId, controlById } from "../../../core/iso42001/controls.js";
import { ORG_ROLE_DESCRIPTIONS, ORG_ROLE_LABELS, ORG_ROLES } from "../../../core/iso42001/org-roles.js";
import type { Form, FormValues } from "../../../conversation/form.js";
import { section } from "../../../conversation/message.js";
import { type RawSoaEntryForm, SOA_TEXT_LIMITS } from "../soa-entry-form.js";
import type { SoaLine } from "../statement.js";
import { SOA_IDS } from "./soa-ids.js";
import { SOA_WORDING as W } from "./soa-wording.js";

const APPLICABLE = "yes";
const NOT_APPLICABLE = "no";

/**
 * Editing one SoA line (AIMS owner). The version shown travels with Save, so an edit made on a stale line is
 * refused rather than overwriting someone else's change.
 */
export function soaEntryForm(controlId: ControlId, version: number, line?: SoaLine): Form {
  const control = controlById(controlId);
  const text = (id: "justification" | "implementation" | "owner", wording: { label: string; hint: string }, initial: string | null | undefined, multiline: boolean) => ({
    kind: "text" as const,
    id,
    label: wording.label,
    hint: wording.hint,
    optional: true,
    multiline,
    maxLength: SOA_TEXT_LIMITS[id],
    ...(initial ? { initial } : {}),
  });
  return {
    id: SOA_IDS.views.entry,
    title: W.entryTitle(controlId),
    submit: W.save,
    cancel: { label: W.back, action: SOA_IDS.actions.showSection, value: { section: control.group.id } },
    intro: [section([W.entryHeading(controlId, control.title)])],
    state: { controlId, version },
    fields: [
      {
        kind: "select",
        id: "applicable",
        label: W.applicability,
        radio: true,
        options: [
          { value: APPLICABLE, label: W.applicableOption },
          { value: NOT_APPLICABLE, label: W.notApplicableOption },
        ],
        ...(line ? { initial: line.applicable ? APPLICABLE : NOT_APPLICABLE } : {}),
      },
      text("justification", W.justification, line?.justification, true),
      text("implementation", W.implementation, line?.implementation, true),
      text("owner", W.ownerField, line?.owner, false),
    ],
  };
}

export function readSoaEntryForm(values: FormValues): RawSoaEntryForm {
  const applicable = values.text("applicable");
  return {
    applicable: applicable === APPLICABLE ? true : applicable === NOT_APPLICABLE ? false : undefined,
    justification: values.text("justification"),
    implementation: values.text("implementation"),
    owner: values.text("owner"),
  };
}

/** The organisation profile: which roles it holds towards AI, from which the SoA proposes applicability. */
export function soaRolesForm(current: readonly string[]): Form {
  return {
    id: SOA_IDS.views.profile,
    title: W.rolesTitle,
    submit: W.save,
    cancel: { label: W.cancel },
    intro: [section([W.rolesIntro])],
    fields: [
      {
        kind: "checkboxes",
        id: "roles",
        label: W.rolesLabel,
        options: ORG_ROLES.map((role) => ({ value: role, label: ORG_ROLE_LABELS[role], description: ORG_ROLE_DESCRIPTIONS[role] })),
        ...(current.length > 0 ? { initial: [...current] } : {}),
      },
    ],
  };
}
