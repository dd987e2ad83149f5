import { type Block, type Button, day, fields, heading, type Message, muted, person, section, truncate } from "../../../conversation/message.js";
import type { InternalAudit } from "../../../db/generated/client.js";
import { SCOPE_GROUPS } from "../audit-scope.js";
import { findingKindLabel } from "../internal-audit-form.js";
import { type AuditWithFindings, auditorOf, type ChecklistItem } from "../internal-audit-service.js";
import { AUDIT_IDS } from "./internal-audit-ids.js";
import { AUDIT_WORDING as W } from "./internal-audit-wording.js";

/** Audits listed in the programme: those planned and in progress, then the latest reported, up to this many. */
export const PROGRAMME_SHOWN = 20;
/** A checklist up to this long is shown whole on a card; a longer one by group (the largest, A.6, has 9 controls). */
export const CARD_ITEMS = 10;
const NOTE_SHOWN = 300;
const LINKS_SHOWN = 3;
const LINK_SHOWN = 120;

const KIND_ICONS: Record<string, string> = { conforming: "✅", observation: "🔎", improvement: "💡", minor_nc: "⚠️", major_nc: "⛔" };

const auditorText = (audit: InternalAudit) => person(auditorOf(audit));

/** The programme: audits in progress and planned, then the latest reported; Plan for the AIMS owner. */
export function programmeView(audits: readonly (InternalAudit & { findingCount?: number })[], options: { canPlan: boolean; notice?: string }): Message {
  const shown = audits.slice(0, PROGRAMME_SHOWN);
  const blocks: Block[] = [
    section([W.programmeIntro]),
    ...(options.notice ? [section([options.notice], { tone: "good" as const })] : []),
    ...(audits.length === 0 ? [section([W.noAudits])] : []),
    ...shown.map((audit) =>
      section(
        [
          W.auditLine(audit.reference, truncate(audit.title, 150), W.status(audit.status)),
          muted(W.auditDetails(auditorText(audit), day(audit.plannedStart), day(audit.plannedEnd), audit.scope.length, audit.findingCount ?? 0)),
        ],
        { id: `audit:${audit.reference}`, button: { label: W.open, action: AUDIT_IDS.actions.open, value: { reference: audit.reference } } },
      ),
    ),
    ...(audits.length > shown.length ? [section([muted(W.moreAudits(audits.length - shown.length))])] : []),
  ];
  return {
    id: AUDIT_IDS.views.programme,
    title: W.programmeTitle,
    summary: W.programmeSummary(audits.length),
    blocks,
    actions: options.canPlan ? [{ label: W.plan, action: AUDIT_IDS.actions.planForm, style: "primary" }] : [],
  };
}

function itemBlock(audit: InternalAudit, line: ChecklistItem): Block {
  const { item, evidence, finding } = line;
  const held = evidence.length
    ? W.evidenceHeld(evidence.map((source) => `${source.title} ${source.count}`).join(" · "))
    : W.noEvidence(truncate(item.evidenceSource, 200));
  const found = finding
    ? [
        `${KIND_ICONS[finding.kind] ?? ""} ${W.finding(findingKindLabel(finding.kind), truncate(finding.note, NOTE_SHOWN))}`.trim(),
        ...(finding.evidenceLinks.length
          ? [W.links([...finding.evidenceLinks.slice(0, LINKS_SHOWN).map((link) => truncate(link, LINK_SHOWN)), ...(finding.evidenceLinks.length > LINKS_SHOWN ? ["…"] : [])].join(" "))]
          : []),
        ...(line.nonconformity ? [W.nonconformityRaised(line.nonconformity)] : []),
      ]
    : [W.noFinding];
  const button: Button | undefined =
    audit.status === "in_progress"
      ? { label: finding ? W.changeFinding : W.recordFinding, action: AUDIT_IDS.actions.findingForm, value: { reference: audit.reference, item: item.id } }
      : undefined;
  return section([W.item(item.id, truncate(item.title, 150)), muted(held), ...found], { id: `audit-item:${item.id}`, ...(button ? { button } : {}) });
}

function header(audit: AuditWithFindings, notice?: string): Block[] {
  return [
    heading(truncate(W.heading(audit.reference, audit.title), 150)),
    fields([
      { label: W.statusLabel, value: W.status(audit.status) },
      { label: W.auditorLabel, value: auditorText(audit) },
      { label: W.datesLabel, value: W.dates(day(audit.plannedStart), day(audit.plannedEnd)) },
      { label: W.progressLabel, value: W.progress(audit.findings.length, audit.scope.length) },
    ]),
    ...(notice ? [section([notice], { tone: "good" as const })] : []),
  ];
}

function checklistActions(audit: AuditWithFindings): Button[] {
  const value = { reference: audit.reference };
  const move: Button[] =
    audit.status === "planned"
      ? [{ label: W.start, action: AUDIT_IDS.actions.start, value, style: "primary" }]
      : audit.status === "in_progress"
        ? [{ label: W.report, action: AUDIT_IDS.actions.report, value, style: "primary" }]
        : [];
  return [...move, { label: W.allAudits, action: AUDIT_IDS.actions.showProgramme }];
}

const checklistMessage = (audit: AuditWithFindings, blocks: Block[], actions: Button[]): Message => ({
  id: AUDIT_IDS.views.checklist,
  title: W.checklistTitle(audit.reference),
  summary: W.checklistSummary(audit.reference, truncate(audit.title, 150), W.status(audit.status).toLowerCase()),
  blocks,
  actions,
});

const groupsOf = (checklist: readonly ChecklistItem[]) =>
  SCOPE_GROUPS.map((group) => ({ group, lines: checklist.filter((line) => line.item.group === group.id) })).filter(({ lines }) => lines.length > 0);

/** The whole checklist, item by item under its clause or Annex A section: for a view with room (a Slack modal). */
export function checklistView(audit: AuditWithFindings, checklist: readonly ChecklistItem[], notice?: string): Message {
  const items = groupsOf(checklist).flatMap(({ group, lines }) => [heading(group.title), ...lines.map((line) => itemBlock(audit, line))]);
  return checklistMessage(audit, [...header(audit, notice), ...items], checklistActions(audit));
}

/** A long checklist in one line per group, each with a button that opens it. */
export function checklistOverview(audit: AuditWithFindings, checklist: readonly ChecklistItem[], notice?: string): Message {
  const groups = groupsOf(checklist).map(({ group, lines }) =>
    section([W.groupLine(group.title, lines.filter((line) => line.finding).length, lines.length)], {
      id: `audit-group:${group.id}`,
      button: { label: W.openGroup, action: AUDIT_IDS.actions.open, value: { reference: audit.reference, group: group.id } },
    }),
  );
  return checklistMessage(audit, [...header(audit, notice), ...groups], checklistActions(audit));
}

/** One group of a long checklist in full; null when the audit has no item in that group. */
export function checklistGroupView(audit: AuditWithFindings, checklist: readonly ChecklistItem[], groupId: string, notice?: string): Message | null {
  const found = groupsOf(checklist).find(({ group }) => group.id === groupId);
  if (!found) return null;
  const back: Button = { label: W.wholeChecklist, action: AUDIT_IDS.actions.open, value: { reference: audit.reference } };
  return checklistMessage(audit, [...header(audit, notice), heading(found.group.title), ...found.lines.map((line) => itemBlock(audit, line))], [back, ...checklistActions(audit)]);
}

/**
 * The checklist as the channel has room for it: whole in a Slack modal or when short; otherwise the overview, or
 * the group asked for (`group`), so each Teams card stays within its size.
 */
export function checklistFor(roomy: boolean, audit: AuditWithFindings, checklist: readonly ChecklistItem[], options: { group?: string; notice?: string } = {}): Message {
  if (roomy || checklist.length <= CARD_ITEMS) return checklistView(audit, checklist, options.notice);
  const group = options.group ? checklistGroupView(audit, checklist, options.group, options.notice) : null;
  return group ?? checklistOverview(audit, checklist, options.notice);
}
