import { ORG_ROLE_LABELS } from "../../../core/iso42001/org-roles.js";
import { groupByAnnexSection } from "../../../features/soa/catalog/propose.js";
import type { SoaLine, SoaStatement } from "../../../features/soa/statement.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import { SOA_VERBS } from "./soa-verbs.js";

/**
 * Longest justification or implementation shown per control. A section holds up to ten controls, and at three bytes
 * per character this keeps the card well inside Teams' 28 KB; the full text is in the edit form and the audit pack.
 */
const SHOWN_TEXT = 300;

export interface SoaCardOptions {
  canEdit: boolean;
  notice?: { text: string; warning?: boolean };
}

const applicability = (line: SoaLine) => (line.applicable ? "✅ Applicable" : "🚫 Not applicable");
const review = (line: SoaLine) => (line.proposed ? "default proposal, not reviewed yet" : `reviewed (v${line.version})`);
const records = (count: number) => `${count} evidence record${count === 1 ? "" : "s"}`;

function heading(statement: SoaStatement, notice: SoaCardOptions["notice"]): CardElement[] {
  const roles = statement.profile?.roles.map((role) => ORG_ROLE_LABELS[role]).join(", ") ?? "not set";
  const applicable = statement.lines.filter((line) => line.applicable).length;
  return [
    textBlock("Statement of Applicability (ISO/IEC 42001)", { size: "large", weight: "bolder" }),
    textBlock(`**Organisation roles:** ${roles}. ${applicable} of ${statement.lines.length} Annex A controls applicable.`),
    ...(notice ? [notice.warning ? textBlock(`⚠️ ${notice.text}`, { color: "attention" }) : textBlock(notice.text, { color: "good" })] : []),
  ];
}

/** Every control in one line, grouped by Annex A section, each section with a button that opens its details. */
export function soaOverviewCard(statement: SoaStatement, options: SoaCardOptions): AdaptiveCard {
  const sections = groupByAnnexSection(statement.lines).map(({ section, entries }) => ({
    type: "Container",
    separator: true,
    items: [
      textBlock(`**${section.id} ${section.title}**`),
      ...entries.map((line) =>
        textBlock(`${line.applicable ? "✅" : "🚫"} ${line.controlId} ${line.control.title}: ${records(line.evidenceCount)}${line.proposed ? " (not reviewed yet)" : ""}`, { size: "small" }),
      ),
      { type: "ActionSet", actions: [executeAction(`Open ${section.id}`, SOA_VERBS.showSection, { section: section.id })] },
    ],
  }));
  const actions = options.canEdit ? [executeAction("Change roles", SOA_VERBS.editRoles, {})] : [];
  return adaptiveCard([...heading(statement, options.notice), ...sections], actions);
}

/** One Annex A section in full: applicability, why, how, owner and evidence of each control; Edit for the AIMS owner. */
export function soaSectionCard(statement: SoaStatement, sectionId: string, options: SoaCardOptions): AdaptiveCard | null {
  const group = groupByAnnexSection(statement.lines).find(({ section }) => section.id === sectionId);
  if (!group) return null;
  const controls = group.entries.map((line) => ({
    type: "Container",
    separator: true,
    items: [
      textBlock(`**${line.controlId} ${line.control.title}**`),
      textBlock(`${applicability(line)} · ${review(line)} · ${records(line.evidenceCount)}`, { subtle: true, size: "small" }),
      ...(line.justification ? [textBlock(`Why: ${truncate(line.justification, SHOWN_TEXT)}`)] : []),
      ...(line.implementation ? [textBlock(`How: ${truncate(line.implementation, SHOWN_TEXT)}`)] : []),
      textBlock(`Owner: ${line.owner ?? "not named"}`),
      ...(options.canEdit
        ? [{ type: "ActionSet", actions: [executeAction(`Edit ${line.controlId}`, SOA_VERBS.editEntry, { controlId: line.controlId })] }]
        : []),
    ],
  }));
  return adaptiveCard(
    [...heading(statement, options.notice), textBlock(`${group.section.id} ${group.section.title}`, { size: "medium", weight: "bolder" }), ...controls],
    [executeAction("All sections", SOA_VERBS.showOverview, {})],
  );
}
