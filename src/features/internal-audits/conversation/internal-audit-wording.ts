import type { InternalAudit } from "../../../db/generated/client.js";

const STATUS: Record<InternalAudit["status"], string> = { planned: "Planned", in_progress: "In progress", reported: "Reported" };

/** The sentences of internal audits, in both channels: the programme, the checklist, the forms, the answers. */
export const AUDIT_WORDING = {
  description: "The internal audit programme (ISO 42001 9.2): `audit` lists it, `audit plan` plans one, `audit AUD-0001` opens its checklist.",
  status: (status: InternalAudit["status"]) => STATUS[status],
  programmeTitle: "Internal audits",
  programmeSummary: (count: number) => `Internal audit programme: ${count} audit(s)`,
  programmeIntro:
    "The internal audit programme (ISO 42001 9.2). Each audit has a scope of clauses and Annex A controls, an independent auditor and a checklist with the evidence the bot holds.",
  noAudits: "No internal audit is planned yet.",
  auditLine: (reference: string, title: string, status: string) => `**${reference}** ${title} · ${status}`,
  auditDetails: (auditor: string, start: string, end: string, items: number, findings: number) =>
    `Auditor ${auditor} · ${start} to ${end} · ${findings} of ${items} item(s) with a finding`,
  moreAudits: (count: number) => `and ${count} earlier reported audit(s), in the audit pack (\`records/internal-audits.csv\`).`,
  open: "Open",
  plan: "Plan an audit",
  allAudits: "All audits",

  checklistTitle: (reference: string) => `${reference} checklist`,
  checklistSummary: (reference: string, title: string, status: string) => `Internal audit ${reference} (${status}): ${title}`,
  heading: (reference: string, title: string) => `${reference}: ${title}`,
  statusLabel: "Status",
  auditorLabel: "Auditor",
  datesLabel: "Planned",
  dates: (start: string, end: string) => `${start} to ${end}`,
  progressLabel: "Findings",
  progress: (findings: number, items: number) => `${findings} of ${items} item(s)`,
  plannedNotice: (reference: string) => `${reference} is planned. Its auditor is reminded before it starts, and starts it here.`,
  startedNotice: (reference: string) => `${reference} is in progress: record a finding on each item, then report it.`,
  reportedNotice: (reference: string) => `${reference} is reported. Its findings are in the audit pack.`,
  findingNotice: (item: string) => `Finding on ${item} recorded.`,
  item: (id: string, title: string) => `**${id} ${title}**`,
  evidenceHeld: (parts: string) => `Evidence held: ${parts}`,
  noEvidence: (where: string) => `No records held by the bot. Where it is kept: ${where}`,
  finding: (kind: string, note: string) => `**${kind}**: ${note}`,
  links: (links: string) => `Evidence: ${links}`,
  noFinding: "_No finding yet._",
  recordFinding: "Record finding",
  changeFinding: "Change finding",
  start: "Start audit",
  report: "Report audit",
  groupLine: (title: string, findings: number, items: number) => `**${title}**: ${findings} of ${items} with a finding`,
  wholeChecklist: "Whole checklist",
  openGroup: "Open",

  planForm: {
    title: "Plan an internal audit",
    submit: "Plan",
    intro: "The auditor must be independent of the scope: an AIMS owner cannot audit clauses 4–10, and nobody audits what they own.",
    name: "Name",
    nameHint: "e.g. Q1 audit of the AI system life cycle",
    auditor: "Auditor",
    scope: "Scope: clauses and Annex A controls",
    start: "Starts on",
    end: "Ends on",
  },
  findingForm: {
    title: "Audit finding",
    submit: "Record",
    kind: "Finding",
    note: "What you found",
    noteHint: "What you looked at and what you saw.",
    links: "Evidence links",
    linksHint: "Full https:// links, one per line (up to 10).",
  },
  cancel: "Cancel",
  back: "Back",

  notFound: (reference: string) => `There is no internal audit ${reference}.`,
  usage: "Send `audit` for the programme, `audit plan` to plan one, or `audit AUD-0001` to open its checklist.",
} as const;
