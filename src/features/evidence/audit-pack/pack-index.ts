import { controlById, EVIDENCE_RECORD_TYPES } from "../../../core/iso42001/controls.js";
import { groupByAnnexSection } from "../../soa/catalog/propose.js";
import type { SoaStatement } from "../../soa/statement.js";
import type { ChainVerification } from "../../audit-trail/verify-chain.js";
import { describePeriod, type EvidencePeriod } from "../evidence-period.js";
import type { EvidenceSource } from "../evidence-source.js";
import { mdCell, mdTable } from "./markdown.js";
import { recordFiles } from "./record-files.js";
import { applicabilityText, reviewText, rolesText, SOA_FILES } from "./soa-files.js";
import type { SourceTally } from "./source-tally.js";

export const PACK_FILES = { index: "README.md", evidenceMap: "evidence-by-control.csv", chain: "audit-chain.json" };

export interface PackIndexInput {
  generatedAt: Date;
  generatedBy: string;
  period: EvidencePeriod;
  statement: SoaStatement;
  tallies: readonly SourceTally[];
  /** Registered sources whose tables this database does not have. */
  missingSources: readonly EvidenceSource[];
  chain: ChainVerification;
  /** The internal audit reports written, e.g. `internal-audits/AUD-0001.md`. */
  auditReports?: readonly string[];
}

/** README.md of the pack: what it holds, the audit trail, then every control with its SoA line and evidence. */
export function packIndexMarkdown(input: PackIndexInput): string {
  return [
    ...heading(input),
    ...contents(input.auditReports ?? []),
    ...auditTrail(input.chain),
    ...recordTypes(input),
    ...evidenceByControl(input),
    ...evidenceByClause(input.tallies),
  ].join("\n");
}

function heading({ generatedAt, generatedBy, period, statement }: PackIndexInput): string[] {
  return [
    "# AIMS audit pack (ISO/IEC 42001)",
    "",
    `Generated ${generatedAt.toISOString()} by ${generatedBy}. Records covered: ${describePeriod(period)}.`,
    `Organisation roles: ${rolesText(statement)}.`,
    "",
  ];
}

function contents(auditReports: readonly string[]): string[] {
  return [
    "## What is in this pack",
    "",
    `- \`${SOA_FILES.markdown}\` and \`${SOA_FILES.csv}\`: the Statement of Applicability, one line per Annex A control.`,
    "- `records/<type>.csv` and `records/<type>.json`: every record of one type in the period; the `controls` column names the controls it evidences.",
    `- \`${PACK_FILES.evidenceMap}\`: one line per control and record that evidences it.`,
    `- \`${PACK_FILES.chain}\`: the head of the tamper-evident audit trail when this pack was made.`,
    ...(auditReports.length
      ? [`- The internal audit reports (9.2), one per audit planned in the period, each item with its finding: ${auditReports.map((file) => `\`${file}\``).join(", ")}.`]
      : []),
    "- This file: the audit trail check, the record types, then each control with its SoA line and its evidence.",
    "",
  ];
}

function auditTrail(chain: ChainVerification): string[] {
  const lines = ["## Audit trail", ""];
  if (chain.ok) {
    lines.push(
      chain.head
        ? `Verified from the first event to the head: ${chain.eventCount} events, head event #${chain.head.id} with hash \`${chain.head.hash}\`.`
        : "The audit trail has no events yet.",
    );
    if (chain.head) {
      lines.push(
        "",
        "Each event stores the SHA-256 of the previous one over its canonical JSON, so any later edit, insertion or removal breaks the chain. " +
          `To check that nothing recorded up to this pack was changed since, run \`npm run audit:verify -- --head ${chain.head.id}:${chain.head.hash}\` against the live database.`,
      );
    }
  } else {
    lines.push(`**The audit trail did NOT verify**: event #${chain.brokenAt.eventId}: ${mdCell(chain.brokenAt.problem)}. ${chain.eventCount} events before it verified.`);
  }
  return [...lines, ""];
}

function recordTypes({ tallies, missingSources }: PackIndexInput): string[] {
  const rows = tallies.map((tally) => {
    const files = recordFiles(tally.source);
    const outcomes = [...tally.outcomes].map(([outcome, count]) => `${mdCell(outcome)}: ${count}`).join(", ");
    return [tally.source.title, String(tally.count), outcomes, `\`${files.csv}\`, \`${files.json}\``];
  });
  const lines = ["## Record types", "", mdTable(["Record type", "Records", "By outcome", "Files"], rows), ""];
  const redactions = tallies.filter((tally) => tally.source.redaction);
  if (redactions.length > 0) {
    lines.push("Left out on purpose:", "");
    for (const tally of redactions) lines.push(`- ${tally.source.title}: ${tally.source.redaction}`);
    lines.push("");
  }
  const covered = new Set([...tallies, ...missingSources.map((source) => ({ source }))].map((t) => t.source.recordType));
  const notHeld = [
    ...missingSources.map((source) => source.title),
    ...EVIDENCE_RECORD_TYPES.filter((type) => !covered.has(type)),
  ];
  if (notHeld.length > 0) {
    lines.push(`Not held by this bot (yet), so not in this pack: ${notHeld.join(", ")}.`, "");
  }
  return lines;
}

function evidenceByControl({ statement, tallies }: PackIndexInput): string[] {
  const lines = ["## Evidence by control", ""];
  if (statement.lines.length === 0) {
    lines.push("No Statement of Applicability yet: the AIMS owner has not set the organisation's roles.", "");
  }
  for (const { section, entries } of groupByAnnexSection(statement.lines)) {
    lines.push(`### ${section.id} ${section.title}`, "");
    for (const line of entries) {
      lines.push(`#### ${line.controlId} ${line.control.title}: ${applicabilityText(line)}`, "");
      lines.push(`- Justification: ${mdCell(line.justification) || "(none given)"}`);
      if (line.implementation) lines.push(`- Implementation: ${mdCell(line.implementation)}`);
      lines.push(`- Owner: ${mdCell(line.owner) || "(not named)"}`);
      lines.push(`- SoA line: ${reviewText(line)}, last changed ${line.updatedAt.toISOString()}`);
      lines.push(...controlEvidence(line.controlId, tallies), "");
    }
  }
  return lines;
}

function controlEvidence(controlId: string, tallies: readonly SourceTally[]): string[] {
  const held = tallies.filter((tally) => (tally.byControl.get(controlId) ?? 0) > 0);
  if (held.length === 0) {
    return [`- Evidence: no records in this pack. Where it is kept: ${mdCell(controlById(controlId)?.evidenceSource)}.`];
  }
  return evidenceLines(controlId, held);
}

function evidenceLines(controlId: string, held: readonly SourceTally[]): string[] {
  return [
    "- Evidence:",
    ...held.map((tally) => {
      const count = tally.byControl.get(controlId) ?? 0;
      const samples = tally.samples.get(controlId) ?? [];
      const more = count > samples.length ? ", …" : "";
      return `  - ${tally.source.title}: ${count} (${samples.map(mdCell).join(", ")}${more}) in \`${recordFiles(tally.source).csv}\``;
    }),
  ];
}

/** Records also name management-system clauses (e.g. 10.2 corrective action); they are listed after Annex A. */
function evidenceByClause(tallies: readonly SourceTally[]): string[] {
  const clauses = [...new Set(tallies.flatMap((tally) => [...tally.byControl.keys()]))]
    .filter((id) => !controlById(id))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  if (clauses.length === 0) return [];
  const lines = ["## Evidence by management-system clause", ""];
  for (const clause of clauses) {
    lines.push(`#### Clause ${mdCell(clause)}`, "");
    const held = tallies.filter((tally) => (tally.byControl.get(clause) ?? 0) > 0);
    lines.push(...evidenceLines(clause, held), "");
  }
  return lines;
}
