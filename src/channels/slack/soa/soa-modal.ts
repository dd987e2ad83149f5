import type { KnownBlock, ModalView } from "@slack/types";
import { groupByAnnexSection } from "../../../features/soa/catalog/propose.js";
import type { SoaLine, SoaStatement } from "../../../features/soa/statement.js";
import { ORG_ROLE_LABELS } from "../../../core/iso42001/org-roles.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";
import { SOA_IDS } from "./soa-ids.js";

/** Longest justification or implementation shown per control; the full text is in the audit pack. */
const SHOWN_TEXT = 600;

/**
 * The whole SoA in one modal: a header block per Annex A section and ONE section block per control (38), which stays
 * under Slack's 100-block limit for modals (a message allows only 50, hence a modal). The AIMS owner gets an Edit
 * button on every line.
 */
export function soaModal(statement: SoaStatement, options: { canEdit: boolean; notice?: string }): ModalView {
  const roles = statement.profile?.roles.map((role) => ORG_ROLE_LABELS[role]).join(", ") ?? "not set";
  const applicable = statement.lines.filter((line) => line.applicable).length;
  const intro: KnownBlock = {
    type: "section",
    text: {
      type: "mrkdwn",
      text:
        `*Organisation roles:* ${roles}\n${applicable} of ${statement.lines.length} Annex A controls applicable.` +
        (options.notice ? `\n\n${options.notice}` : ""),
    },
    ...(options.canEdit
      ? { accessory: { type: "button", action_id: SOA_IDS.actions.editProfile, text: { type: "plain_text", text: "Change roles" } } }
      : {}),
  };
  const blocks: KnownBlock[] = [intro];
  for (const { section, entries } of groupByAnnexSection(statement.lines)) {
    blocks.push({ type: "header", text: { type: "plain_text", text: truncate(`${section.id} ${section.title}`, 150) } });
    for (const line of entries) blocks.push(lineBlock(line, options.canEdit));
  }
  return {
    type: "modal",
    callback_id: SOA_IDS.views.statement,
    title: { type: "plain_text", text: "SoA (ISO 42001)" },
    close: { type: "plain_text", text: "Close" },
    blocks,
  };
}

function lineBlock(line: SoaLine, canEdit: boolean): KnownBlock {
  const status = line.applicable ? ":white_check_mark: Applicable" : ":no_entry_sign: Not applicable";
  const review = line.proposed ? "_default proposal, not reviewed yet_" : `reviewed (v${line.version})`;
  const details = [
    `*${line.controlId} ${escapeMrkdwn(line.control.title)}*`,
    `${status} · ${review} · evidence: *${line.evidenceCount}* record${line.evidenceCount === 1 ? "" : "s"}`,
    line.justification ? `_Why:_ ${escapeMrkdwn(truncate(line.justification, SHOWN_TEXT))}` : "",
    line.implementation ? `_How:_ ${escapeMrkdwn(truncate(line.implementation, SHOWN_TEXT))}` : "",
    `_Owner:_ ${line.owner ? escapeMrkdwn(line.owner) : "not named"}`,
  ].filter(Boolean);
  return {
    type: "section",
    block_id: `soa:${line.controlId}`,
    text: { type: "mrkdwn", text: details.join("\n") },
    ...(canEdit
      ? {
          accessory: {
            type: "button",
            action_id: SOA_IDS.actions.editEntry,
            value: `${line.controlId}:${line.version}`,
            text: { type: "plain_text", text: "Edit" },
          },
        }
      : {}),
  };
}
