import type { DigestSection } from "./digest-section.js";

const DAY_MS = 86400_000;

/** The audit programme (9.2): the next planned audit, audits in progress, planned audits past their start. */
export const internalAuditsSection: DigestSection = {
  title: "Internal audits",
  async collect(db, { to }) {
    const [next, inProgress, late] = await Promise.all([
      db.internalAudit.findFirst({ where: { status: "planned", plannedStart: { gte: to } }, orderBy: [{ plannedStart: "asc" }, { id: "asc" }] }),
      db.internalAudit.findMany({ where: { status: "in_progress" }, orderBy: { plannedStart: "asc" }, select: { reference: true } }),
      db.internalAudit.count({ where: { status: "planned", plannedStart: { lt: to } } }),
    ]);
    const references = (rows: { reference: string }[]) => (rows.length ? ` (${rows.slice(0, 5).map((row) => row.reference).join(", ")}${rows.length > 5 ? ", …" : ""})` : "");
    return [
      ...(next
        ? [{ key: "audits.next_in_days", label: `Days until the next audit, ${next.reference} ${next.title.slice(0, 80)} on ${next.plannedStart.toISOString().slice(0, 10)}`, value: Math.ceil((next.plannedStart.getTime() - to.getTime()) / DAY_MS) }]
        : []),
      { key: "audits.in_progress", label: `Audits in progress${references(inProgress)}`, value: inProgress.length },
      { key: "audits.late", label: "Planned audits past their start date, not started", value: late },
    ];
  },
};
