import { groupByAnnexSection } from "../../soa/catalog/propose.js";
import type { SoaLine, SoaStatement } from "../../soa/statement.js";
import { ORG_ROLE_LABELS } from "../../../core/iso42001/org-roles.js";
import { csvRow } from "../csv.js";
import { mdCell, mdTable } from "./markdown.js";

export const SOA_FILES = { csv: "soa/statement-of-applicability.csv", markdown: "soa/statement-of-applicability.md" };

export function applicabilityText(line: SoaLine): string {
  return line.applicable ? "Applicable" : "Not applicable";
}

export function reviewText(line: SoaLine): string {
  return line.proposed ? "default proposal, not yet reviewed" : `reviewed, version ${line.version}`;
}

export function soaCsv(statement: SoaStatement): string {
  const header = csvRow([
    "control", "title", "section", "applicable", "justification", "implementation", "owner",
    "status", "version", "updatedAt", "updatedBy", "evidenceRecords",
  ]);
  const rows = statement.lines.map((line) =>
    csvRow([
      line.controlId, line.control.title, line.control.group.id, line.applicable, line.justification,
      line.implementation, line.owner, line.proposed ? "proposed" : "reviewed", line.version, line.updatedAt,
      line.updatedBy ? `${line.updatedBy.channel}:${line.updatedBy.id}` : "", line.evidenceCount,
    ]),
  );
  return header + rows.join("");
}

export function rolesText(statement: SoaStatement): string {
  return statement.profile ? statement.profile.roles.map((role) => ORG_ROLE_LABELS[role]).join(", ") : "not set";
}

export function soaMarkdown(statement: SoaStatement, generatedAt: Date): string {
  const parts = [
    "# Statement of Applicability (ISO/IEC 42001 6.1.3)",
    "",
    `Organisation roles: ${rolesText(statement)}. As of ${generatedAt.toISOString()}.`,
  ];
  if (statement.lines.length === 0) {
    parts.push("", "The AIMS owner has not set the organisation's roles yet, so there is no Statement of Applicability.");
  }
  for (const { section, entries } of groupByAnnexSection(statement.lines)) {
    parts.push("", `## ${section.id} ${section.title}`, "");
    parts.push(
      mdTable(
        ["Control", "Applicability", "Justification", "Implementation", "Owner", "Status", "Evidence records"],
        entries.map((line) => [
          `${line.controlId} ${mdCell(line.control.title)}`,
          applicabilityText(line),
          mdCell(line.justification),
          mdCell(line.implementation),
          mdCell(line.owner),
          reviewText(line),
          String(line.evidenceCount),
        ]),
      ),
    );
  }
  return `${parts.join("\n")}\n`;
}
