import type { ModalView } from "@slack/types";
import type { RawSoaEntryForm, SoaEntryField } from "../../../features/soa/soa-entry-form.js";
import { SOA_TEXT_LIMITS } from "../../../features/soa/soa-entry-form.js";
import type { SoaLine } from "../../../features/soa/statement.js";
import { escapeMrkdwn } from "../blocks/text.js";
import { SOA_IDS } from "./soa-ids.js";

export interface SoaEntryMetadata {
  controlId: string;
  /** The version the owner was shown: saving fails if the line changed meanwhile. */
  version: number;
  /** The SoA modal underneath, refreshed after saving. */
  rootViewId: string;
}

const ACTION = "value";
const APPLICABLE = "yes";
const NOT_APPLICABLE = "no";

const options = [
  { text: { type: "plain_text" as const, text: "Applicable" }, value: APPLICABLE },
  { text: { type: "plain_text" as const, text: "Not applicable" }, value: NOT_APPLICABLE },
];

/** Block id of each field: the same names the core reports errors under. */
export const SOA_ENTRY_BLOCKS: Record<SoaEntryField, string> = {
  applicable: "applicable",
  justification: "justification",
  implementation: "implementation",
  owner: "owner",
};

export function soaEntryModal(line: SoaLine, metadata: SoaEntryMetadata): ModalView {
  const text = (field: "justification" | "implementation" | "owner", label: string, hint: string, value: string | null, multiline: boolean) => ({
    type: "input" as const,
    block_id: SOA_ENTRY_BLOCKS[field],
    optional: true,
    label: { type: "plain_text" as const, text: label },
    hint: { type: "plain_text" as const, text: hint },
    element: {
      type: "plain_text_input" as const,
      action_id: ACTION,
      multiline,
      max_length: SOA_TEXT_LIMITS[field],
      ...(value ? { initial_value: value } : {}),
    },
  });
  return {
    type: "modal",
    callback_id: SOA_IDS.views.entry,
    private_metadata: JSON.stringify(metadata),
    title: { type: "plain_text", text: `Edit ${line.controlId}` },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Back" },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${line.controlId} ${escapeMrkdwn(line.control.title)}*` } },
      {
        type: "input",
        block_id: SOA_ENTRY_BLOCKS.applicable,
        label: { type: "plain_text", text: "Applicability" },
        element: { type: "radio_buttons", action_id: ACTION, options, initial_option: line.applicable ? options[0] : options[1] },
      },
      text("justification", "Justification", "Required when the control is not applicable.", line.justification, true),
      text("implementation", "How it is implemented", "Where and how the organisation meets this control.", line.implementation, true),
      text("owner", "Owner", "The person or role accountable for this control.", line.owner, false),
    ],
  };
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

export function readSoaEntryForm(values: StateValues): RawSoaEntryForm {
  const selected = values[SOA_ENTRY_BLOCKS.applicable]?.[ACTION]?.selected_option?.value;
  const text = (field: SoaEntryField) => values[SOA_ENTRY_BLOCKS[field]]?.[ACTION]?.value ?? undefined;
  return {
    applicable: selected === APPLICABLE ? true : selected === NOT_APPLICABLE ? false : undefined,
    justification: text("justification"),
    implementation: text("implementation"),
    owner: text("owner"),
  };
}
