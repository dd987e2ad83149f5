import { ORG_ROLE_LABELS } from "../../../core/iso42001/org-roles.js";
import { type Block, heading, type Message, muted, section } from "../../../conversation/message.js";
import { groupByAnnexSection } from "../catalog/propose.js";
import type { SoaLine, SoaStatement } from "../statement.js";
import { SOA_IDS } from "./soa-ids.js";
import { SOA_WORDING as W } from "./soa-wording.js";

/**
 * Longest justification or implementation shown per control: ten controls of a section stay well inside a Teams
 * card's 28 KB. The full text is in the edit form and the audit pack.
 */
const SHOWN_TEXT = 300;

export interface SoaViewOptions {
  canEdit: boolean;
  notice?: { text: string; warning?: boolean };
}

const truncate = (text: string) => (text.length <= SHOWN_TEXT ? text : `${text.slice(0, SHOWN_TEXT - 1)}…`);
const applicableCount = (statement: SoaStatement) => statement.lines.filter((line) => line.applicable).length;

function intro(statement: SoaStatement, options: SoaViewOptions, withRolesButton: boolean): Block[] {
  const roles = statement.profile?.roles.map((role) => ORG_ROLE_LABELS[role]).join(", ") ?? W.rolesNotSet;
  const button = withRolesButton && options.canEdit ? { button: { label: W.changeRoles, action: SOA_IDS.actions.editProfile } } : {};
  const notice = options.notice;
  return [
    section([W.intro(roles, applicableCount(statement), statement.lines.length)], button),
    ...(notice ? [section([notice.warning ? W.needsReview(notice.text) : notice.text], { tone: notice.warning ? "warning" : "good" })] : []),
  ];
}

/** One control in full: applicability, review, evidence, why, how and owner; Edit for the AIMS owner. */
function lineSection(line: SoaLine, canEdit: boolean): Block {
  return section(
    [
      W.entryHeading(line.controlId, line.control.title),
      `${W.applicable(line)} · ${W.review(line)} · ${W.evidence(line.evidenceCount)}`,
      ...(line.justification ? [W.why(truncate(line.justification))] : []),
      ...(line.implementation ? [W.how(truncate(line.implementation))] : []),
      W.owner(line.owner),
    ],
    {
      id: `soa:${line.controlId}`,
      ...(canEdit ? { button: { label: W.edit, action: SOA_IDS.actions.editEntry, value: { controlId: line.controlId, version: line.version } } } : {}),
    },
  );
}

/** The clauses the bot keeps records for (internal audits, management reviews, nonconformities ...), with counts. */
function clauseSection(statement: SoaStatement): Block[] {
  if (statement.clauses.length === 0) return [];
  return [section([`**${W.clausesHeading}**`, ...statement.clauses.map((clause) => muted(W.clauseLine(clause.id, clause.topic, clause.evidenceCount)))])];
}

const message = (statement: SoaStatement, blocks: Block[], actions: Message["actions"] = []): Message => ({
  id: SOA_IDS.views.statement,
  title: W.title,
  summary: W.summary(applicableCount(statement), statement.lines.length),
  blocks,
  actions,
});

/** The whole SoA with every control in full, grouped by Annex A section: for a view with room (a Slack modal). */
export function soaStatementView(statement: SoaStatement, options: SoaViewOptions): Message {
  const sections = groupByAnnexSection(statement.lines).flatMap(({ section: group, entries }) => [
    heading(`${group.id} ${group.title}`),
    ...entries.map((line) => lineSection(line, options.canEdit)),
  ]);
  return message(statement, [...intro(statement, options, true), ...sections, ...clauseSection(statement)]);
}

/** Every control in one line, grouped by section, each section with a button that opens it in full. */
export function soaOverviewView(statement: SoaStatement, options: SoaViewOptions): Message {
  const sections = groupByAnnexSection(statement.lines).map(({ section: group, entries }) =>
    section([`**${group.id} ${group.title}**`, ...entries.map((line) => muted(W.overviewLine(line)))], {
      button: { label: W.open(group.id), action: SOA_IDS.actions.showSection, value: { section: group.id } },
    }),
  );
  const actions = options.canEdit ? [{ label: W.changeRoles, action: SOA_IDS.actions.editProfile }] : [];
  return message(statement, [...intro(statement, options, false), ...sections, ...clauseSection(statement)], actions);
}

/** One Annex A section in full; null for an unknown section. */
export function soaSectionView(statement: SoaStatement, sectionId: string, options: SoaViewOptions): Message | null {
  const group = groupByAnnexSection(statement.lines).find(({ section: candidate }) => candidate.id === sectionId);
  if (!group) return null;
  return message(
    statement,
    [...intro(statement, options, false), heading(`${group.section.id} ${group.section.title}`), ...group.entries.map((line) => lineSection(line, options.canEdit))],
    [{ label: W.allSections, action: SOA_IDS.actions.showOverview }],
  );
}

/** The SoA as the channel has room for it: whole, or as the overview of its sections. */
export const soaView = (roomy: boolean, statement: SoaStatement, options: SoaViewOptions) =>
  roomy ? soaStatementView(statement, options) : soaOverviewView(statement, options);
