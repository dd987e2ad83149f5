import type { InputProvider, ReviewPeriod } from "../management-reviews/management-review-inputs.js";

const KINDS = [
  ["major_nc", "major nonconformity"],
  ["minor_nc", "minor nonconformity"],
  ["observation", "observation"],
  ["improvement", "opportunity for improvement"],
  ["conforming", "conforming"],
] as const;
const LISTED = 10;

/**
 * 9.3.2 c) Audit results, from the internal audit programme (9.2): the audits reported in the period with their
 * findings by kind, the nonconformities found listed, and the audits still planned or running.
 */
export const auditResultsFromInternalAudits: InputProvider = {
  id: "audit-results",
  title: "9.3.2 c) Audit results",
  async collect(db, period: ReviewPeriod) {
    const [reported, running] = await Promise.all([
      db.internalAudit.findMany({
        where: { status: "reported", reportedAt: { gte: period.from, lt: period.to } },
        include: { findings: { orderBy: { id: "asc" } } },
        orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
      }),
      db.internalAudit.count({ where: { status: { in: ["planned", "in_progress"] } } }),
    ]);
    const findings = reported.flatMap((audit) => audit.findings.map((finding) => ({ ...finding, reference: audit.reference })));
    const byKind = KINDS.map(([kind, words]) => `${findings.filter((finding) => finding.kind === kind).length} ${words}`).join(", ");
    const nonconformities = findings.filter((finding) => finding.kind === "major_nc" || finding.kind === "minor_nc");
    return [
      reported.length === 0
        ? "No internal audit reported in the period."
        : `Internal audits reported: ${reported.length} (${reported.map((audit) => `${audit.reference} ${audit.title}`).join("; ")}).`,
      ...(reported.length > 0 ? [`Findings: ${byKind}.`] : []),
      ...nonconformities
        .slice(0, LISTED)
        .map((finding) => `${finding.kind === "major_nc" ? "Major" : "Minor"} nonconformity in ${finding.reference} on ${finding.item}: ${finding.note}`),
      `Internal audits planned or in progress: ${running}.`,
    ];
  },
};
