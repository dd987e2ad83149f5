import path from "node:path";
import { mkdir } from "node:fs/promises";
import type { Prisma } from "../../../db/database.js";
import { scopeItem } from "../../internal-audits/audit-scope.js";
import { FINDING_KINDS, findingKindLabel } from "../../internal-audits/internal-audit-form.js";
import type { EvidencePeriod } from "../evidence-period.js";
import { mdCell, mdTable } from "./markdown.js";
import { writeTextFile } from "./text-file.js";

export const INTERNAL_AUDIT_REPORTS_FOLDER = "internal-audits";

const STATUS = { planned: "planned, not started", in_progress: "in progress: the report is not issued yet", reported: "reported" } as const;
const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

type AuditForReport = NonNullable<Awaited<ReturnType<typeof auditsIn>>>[number];

function auditsIn(prisma: Prisma, period: EvidencePeriod) {
  return prisma.internalAudit.findMany({
    where: { plannedStart: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lt: period.to } : {}) } },
    include: { findings: true },
    orderBy: { id: "asc" },
  });
}

/** One audit's report (ISO 42001 9.2.2): scope, auditor, dates, the findings by kind, and every item with its finding. */
export function internalAuditReport(audit: AuditForReport): string {
  const byItem = new Map(audit.findings.map((finding) => [finding.item, finding]));
  const counts = FINDING_KINDS.map((kind) => `${kind.label}: ${audit.findings.filter((finding) => finding.kind === kind.value).length}`);
  const rows = audit.scope.map((id) => {
    const finding = byItem.get(id);
    return [
      `${id} ${mdCell(scopeItem(id)?.title ?? "")}`,
      finding ? findingKindLabel(finding.kind) : "(no finding yet)",
      mdCell(finding?.note),
      mdCell(finding?.evidenceLinks.join("\n")),
      finding ? finding.recordedAt.toISOString() : "",
    ];
  });
  return [
    `# Internal audit ${audit.reference}: ${audit.title}`,
    "",
    `- Status: ${STATUS[audit.status]}`,
    `- Auditor: ${mdCell(audit.auditorName) || "(name not known to the bot)"} (${audit.auditorChannel} ${audit.auditorId})`,
    `- Planned: ${dayOf(audit.plannedStart)} to ${dayOf(audit.plannedEnd)}; started ${dayOf(audit.startedAt) || "-"}; reported ${dayOf(audit.reportedAt) || "-"}`,
    `- Scope: ${audit.scope.join(", ")}`,
    `- Findings: ${counts.join(", ")}`,
    "",
    "Minor and major nonconformities are raised in the nonconformity log (10.2) from these findings.",
    "",
    mdTable(["Item", "Finding", "What the auditor found", "Evidence links", "Recorded"], rows),
    "",
  ].join("\n");
}

/** Writes `internal-audits/<reference>.md` for every audit planned in the period; returns the files written. */
export async function writeInternalAuditReports(prisma: Prisma, folder: string, period: EvidencePeriod): Promise<string[]> {
  const audits = await auditsIn(prisma, period);
  if (audits.length === 0) return [];
  await mkdir(path.join(folder, INTERNAL_AUDIT_REPORTS_FOLDER), { recursive: true });
  const files: string[] = [];
  for (const audit of audits) {
    const file = `${INTERNAL_AUDIT_REPORTS_FOLDER}/${audit.reference}.md`;
    await writeTextFile(path.join(folder, file), internalAuditReport(audit));
    files.push(file);
  }
  return files;
}
