import type { SoaLine } from "../statement.js";

/** Every sentence the SoA conversation says, in Slack and in Teams. */
export const SOA_WORDING = {
  commandDescription: "See the Statement of Applicability: which ISO 42001 controls apply, why, and the evidence held.",
  title: "SoA (ISO/IEC 42001)",
  summary: (applicable: number, total: number) => `SoA: ${applicable} of ${total} controls applicable`,
  intro: (roles: string, applicable: number, total: number) => `**Organisation roles:** ${roles}. ${applicable} of ${total} Annex A controls applicable.`,
  rolesNotSet: "not set",
  applicable: (line: SoaLine) => (line.applicable ? "✅ Applicable" : "🚫 Not applicable"),
  review: (line: SoaLine) => (line.proposed ? "_default proposal, not reviewed yet_" : `reviewed (v${line.version})`),
  clausesHeading: "Management-system clauses",
  clauseLine: (id: string, topic: string, count: number) => `${id} ${topic}: ${count} evidence record${count === 1 ? "" : "s"}`,
  evidence: (count: number) => `evidence: **${count}** record${count === 1 ? "" : "s"}`,
  overviewLine: (line: SoaLine) =>
    `${line.applicable ? "✅" : "🚫"} ${line.controlId} ${line.control.title}: ${line.evidenceCount} evidence record${line.evidenceCount === 1 ? "" : "s"}${line.proposed ? " (not reviewed yet)" : ""}`,
  why: (text: string) => `_Why:_ ${text}`,
  how: (text: string) => `_How:_ ${text}`,
  owner: (owner: string | null) => `_Owner:_ ${owner ?? "not named"}`,
  edit: "Edit",
  open: (sectionId: string) => `Open ${sectionId}`,
  allSections: "All sections",
  changeRoles: "Change roles",
  saved: (controlId: string, version: number) => `Saved ${controlId} (version ${version}).`,
  needsReview: (text: string) => `⚠️ ${text}`,
  entryTitle: (controlId: string) => `Edit ${controlId}`,
  entryHeading: (controlId: string, title: string) => `**${controlId} ${title}**`,
  save: "Save",
  back: "Back",
  cancel: "Cancel",
  applicability: "Applicability",
  applicableOption: "Applicable",
  notApplicableOption: "Not applicable",
  justification: { label: "Justification", hint: "Required when the control is not applicable." },
  implementation: { label: "How it is implemented", hint: "Where and how the organisation meets this control." },
  ownerField: { label: "Owner", hint: "The person or role accountable for this control." },
  rolesTitle: "Organisation roles",
  rolesIntro:
    "Which roles does the organisation hold towards AI? The bot proposes which Annex A controls apply; " +
    "lines you have not reviewed follow the proposal, reviewed lines are kept.",
  rolesLabel: "The organisation is an…",
  settingUp: "Setting up the Statement of Applicability…",
} as const;
