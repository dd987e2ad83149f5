import type { DigestSection } from "./digest-section.js";

/**
 * Nonconformities (ISO 42001 10.2) not closed, by stage; raised and closed in the week; corrective actions overdue (of
 * nonconformities and incidents alike); effectiveness checks due; improvements open or planned (10.1).
 */
export const nonconformitiesSection: DigestSection = {
  title: "Nonconformities and improvement",
  async collect(db, { from, to }) {
    const [open, checking, checksDue, raised, closed, lateActions, improvements] = await Promise.all([
      db.nonconformity.count({ where: { status: "open" } }),
      db.nonconformity.count({ where: { status: "checking" } }),
      db.nonconformity.count({ where: { status: "checking", checkDueAt: { lt: to } } }),
      db.nonconformity.count({ where: { createdAt: { gte: from, lt: to } } }),
      db.nonconformity.count({ where: { status: "closed", closedAt: { gte: from, lt: to } } }),
      db.correctiveAction.count({ where: { status: "open", dueDate: { lt: to } } }),
      db.improvement.count({ where: { status: { in: ["open", "planned"] } } }),
    ]);
    return [
      { key: "nonconformities.open", label: "Open nonconformities (actions under way)", value: open },
      { key: "nonconformities.checking", label: "Awaiting their effectiveness check", value: checking },
      { key: "nonconformities.checks_due", label: "Effectiveness checks due", value: checksDue },
      { key: "nonconformities.raised", label: "Raised this week", value: raised },
      { key: "nonconformities.closed", label: "Closed this week", value: closed },
      { key: "nonconformities.actions_overdue", label: "Corrective actions overdue (all)", value: lateActions },
      { key: "improvements.open", label: "Improvements open or planned", value: improvements },
    ];
  },
};
