import type { ModalView } from "@slack/types";
import { ORG_ROLES, ORG_ROLE_DESCRIPTIONS, ORG_ROLE_LABELS, type OrgRole } from "../../../core/iso42001/org-roles.js";
import { SOA_IDS } from "./soa-ids.js";

export const ROLES_BLOCK = "roles";
const ACTION = "value";

const option = (role: OrgRole) => ({
  text: { type: "plain_text" as const, text: ORG_ROLE_LABELS[role] },
  description: { type: "plain_text" as const, text: ORG_ROLE_DESCRIPTIONS[role] },
  value: role,
});

/** The organisation profile: which roles it holds. `rootViewId` is the SoA modal underneath, if any. */
export function soaProfileModal(current: readonly OrgRole[], rootViewId?: string): ModalView {
  return {
    type: "modal",
    callback_id: SOA_IDS.views.profile,
    private_metadata: JSON.stringify({ rootViewId: rootViewId ?? null }),
    title: { type: "plain_text", text: "Organisation roles" },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text:
            "Which roles does the organisation hold towards AI? The bot proposes which Annex A controls apply; " +
            "lines you have not reviewed follow the proposal, reviewed lines are kept.",
        },
      },
      {
        type: "input",
        block_id: ROLES_BLOCK,
        label: { type: "plain_text", text: "The organisation is an…" },
        element: {
          type: "checkboxes",
          action_id: ACTION,
          options: ORG_ROLES.map(option),
          ...(current.length > 0 ? { initial_options: current.map(option) } : {}),
        },
      },
    ],
  };
}

export function readSelectedRoles(values: Record<string, Record<string, { selected_options?: { value: string }[] }>>): string[] {
  return (values[ROLES_BLOCK]?.[ACTION]?.selected_options ?? []).map((selected) => selected.value);
}

export function readRootViewId(privateMetadata: string): string | undefined {
  try {
    const parsed = JSON.parse(privateMetadata) as { rootViewId?: unknown };
    return typeof parsed.rootViewId === "string" ? parsed.rootViewId : undefined;
  } catch {
    return undefined;
  }
}
