import { ORG_ROLES, ORG_ROLE_DESCRIPTIONS, ORG_ROLE_LABELS } from "../../../core/iso42001/org-roles.js";
import { SOA_TEXT_LIMITS, type RawSoaEntryForm, type SoaEntryErrors } from "../../../features/soa/soa-entry-form.js";
import type { AnnexAControl } from "../../../core/iso42001/controls.js";
import type { SoaLine } from "../../../features/soa/statement.js";
import { adaptiveCard, errorBlock, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { SOA_VERBS } from "./soa-verbs.js";

const APPLICABLE = "yes";
const NOT_APPLICABLE = "no";

const withError = (input: CardElement, error: string | undefined): CardElement[] => (error ? [input, errorBlock(error)] : [input]);

const textInput = (id: "justification" | "implementation" | "owner", label: string, placeholder: string, value: string | undefined, multiline: boolean): CardElement => ({
  type: "Input.Text",
  id,
  label,
  placeholder,
  isMultiline: multiline,
  maxLength: SOA_TEXT_LIMITS[id],
  ...(value ? { value } : {}),
});

/** The line being edited: its control and the version the owner was shown. */
export interface EditedLine {
  control: AnnexAControl;
  version: number;
}

/** The form's starting values: the line as it is. */
export function currentValues(line: SoaLine): RawSoaEntryForm {
  return { applicable: line.applicable, justification: line.justification, implementation: line.implementation ?? undefined, owner: line.owner ?? undefined };
}

/**
 * Editing one SoA line (AIMS owner). The version shown travels with Save, so an edit made on a stale line is refused
 * rather than overwriting someone else's change. `values` keeps what was typed when the card comes back.
 */
export function soaEntryFormCard(line: EditedLine, values: RawSoaEntryForm, errors: SoaEntryErrors = {}, problem?: string): AdaptiveCard {
  const { control } = line;
  const applicable = values.applicable === undefined ? undefined : values.applicable ? APPLICABLE : NOT_APPLICABLE;
  const body: CardElement[] = [
    textBlock(`Edit ${control.id} ${control.title}`, { size: "large", weight: "bolder" }),
    ...(problem ? [textBlock(problem, { color: "attention", weight: "bolder" })] : []),
    ...withError(
      {
        type: "Input.ChoiceSet",
        id: "applicable",
        label: "Applicability",
        style: "expanded",
        choices: [{ title: "Applicable", value: APPLICABLE }, { title: "Not applicable", value: NOT_APPLICABLE }],
        ...(applicable ? { value: applicable } : {}),
      },
      errors.applicable,
    ),
    ...withError(textInput("justification", "Justification", "Required when the control is not applicable.", values.justification, true), errors.justification),
    ...withError(textInput("implementation", "How it is implemented", "Where and how the organisation meets this control.", values.implementation, true), errors.implementation),
    ...withError(textInput("owner", "Owner", "The person or role accountable for this control.", values.owner, false), errors.owner),
  ];
  return adaptiveCard(body, [
    executeAction("Save", SOA_VERBS.saveEntry, { controlId: control.id, version: line.version }, "positive"),
    executeAction("Back", SOA_VERBS.showSection, { section: control.group.id }),
  ]);
}

export function readSoaEntryForm(data: Record<string, unknown>): RawSoaEntryForm {
  const text = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : undefined);
  const applicable = text("applicable");
  return {
    applicable: applicable === APPLICABLE ? true : applicable === NOT_APPLICABLE ? false : undefined,
    justification: text("justification"),
    implementation: text("implementation"),
    owner: text("owner"),
  };
}

/** The organisation profile: which roles it holds towards AI, from which the SoA proposes applicability. */
export function soaRolesFormCard(current: readonly string[], error?: string): AdaptiveCard {
  return adaptiveCard(
    [
      textBlock("Organisation roles", { size: "large", weight: "bolder" }),
      textBlock(
        "Which roles does the organisation hold towards AI? The bot proposes which Annex A controls apply; " +
          "lines you have not reviewed follow the proposal, reviewed lines are kept.",
      ),
      ...withError(
        {
          type: "Input.ChoiceSet",
          id: "roles",
          label: "The organisation is an…",
          style: "expanded",
          isMultiSelect: true,
          choices: ORG_ROLES.map((role) => ({ title: `${ORG_ROLE_LABELS[role]}: ${ORG_ROLE_DESCRIPTIONS[role]}`, value: role })),
          ...(current.length > 0 ? { value: current.join(",") } : {}),
        },
        error,
      ),
    ],
    [executeAction("Save", SOA_VERBS.saveRoles, {}, "positive")],
  );
}

/** Teams sends a multi-select as one comma-separated string. */
export function readRoles(data: Record<string, unknown>): string[] {
  return typeof data.roles === "string" ? data.roles.split(",").map((role) => role.trim()).filter(Boolean) : [];
}
