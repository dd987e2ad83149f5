import { SEVERITIES } from "../incidents/incident-form.js";
import type { DigestSection } from "./digest-section.js";

const ACTIVE_STATUSES = [
  { status: "open", label: "Open" },
  { status: "investigating", label: "Investigating" },
  { status: "mitigated", label: "Mitigated" },
  { status: "resolved", label: "Resolved, not yet closed" },
] as const;

/** "SEV1: critical" → "SEV1 (critical)". */
const severityName = (label: string) => label.replace(/^(\w+): (.+)$/, "$1 ($2)");

/** AI incidents not yet closed, by severity and by status; reported and closed in the week; late corrective actions. */
export const incidentsSection: DigestSection = {
  title: "AI incidents",
  async collect(db, { from, to }) {
    const notClosed = { status: { not: "closed" as const } };
    const [bySeverity, byStatus, reported, closed, lateActions] = await Promise.all([
      db.incident.groupBy({ by: ["severity"], where: notClosed, _count: { _all: true } }),
      db.incident.groupBy({ by: ["status"], where: notClosed, _count: { _all: true } }),
      db.incident.count({ where: { createdAt: { gte: from, lt: to } } }),
      db.incident.count({ where: { status: "closed", closedAt: { gte: from, lt: to } } }),
      db.correctiveAction.count({ where: { status: "open", dueDate: { lt: to }, incidentId: { not: null } } }),
    ]);
    const severityCount = (severity: string) => bySeverity.find((row) => row.severity === severity)?._count._all ?? 0;
    const statusCount = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
    return [
      ...SEVERITIES.map((severity) => ({ key: `incidents.${severity.value}`, label: `${severityName(severity.label)} not closed`, value: severityCount(severity.value) })),
      ...ACTIVE_STATUSES.map(({ status, label }) => ({ key: `incidents.${status}`, label, value: statusCount(status) })),
      { key: "incidents.reported", label: "Reported this week", value: reported },
      { key: "incidents.closed", label: "Closed this week", value: closed },
      { key: "incidents.corrective_actions_overdue", label: "Corrective actions overdue", value: lateActions },
    ];
  },
};
