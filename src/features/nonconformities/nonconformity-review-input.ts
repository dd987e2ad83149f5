import type { InputProvider, ReviewPeriod } from "../management-reviews/management-review-inputs.js";

const LISTED = 10;

/**
 * 9.3.2 c) Nonconformities and corrective actions, from the nonconformity log (10.2): nonconformities open, raised
 * and closed, the effectiveness checks recorded (effective or not), and the corrective actions (of nonconformities
 * and incidents alike: one model) open, overdue and done. Replaces the provider counting incidents' actions only.
 */
export const nonconformitiesInput: InputProvider = {
  id: "corrective-actions",
  title: "9.3.2 c) Nonconformities and corrective actions",
  async collect(db, period: ReviewPeriod) {
    const inPeriod = { gte: period.from, lt: period.to };
    const [open, checking, raised, closed, effective, ineffective, actionsOpen, overdue, actionsDone] = await Promise.all([
      db.nonconformity.count({ where: { status: "open" } }),
      db.nonconformity.count({ where: { status: "checking" } }),
      db.nonconformity.count({ where: { createdAt: inPeriod } }),
      db.nonconformity.count({ where: { status: "closed", closedAt: inPeriod } }),
      db.effectivenessCheck.count({ where: { effective: true, checkedAt: inPeriod } }),
      db.effectivenessCheck.count({ where: { effective: false, checkedAt: inPeriod } }),
      db.correctiveAction.count({ where: { status: "open" } }),
      db.correctiveAction.findMany({
        where: { status: "open", dueDate: { lt: period.to } },
        include: { nonconformity: { select: { reference: true } }, incident: { select: { reference: true } } },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      }),
      db.correctiveAction.count({ where: { status: "done", completedAt: inPeriod } }),
    ]);
    return [
      `Nonconformities: ${open} open, ${checking} awaiting their effectiveness check; ${raised} raised and ${closed} closed in the period.`,
      `Effectiveness checks in the period: ${effective} effective, ${ineffective} not effective (reopened).`,
      `Corrective actions: ${actionsOpen} open (${overdue.length} overdue), ${actionsDone} done in the period.`,
      ...overdue
        .slice(0, LISTED)
        .map((action) => `Overdue: ${action.nonconformity?.reference ?? action.incident?.reference ?? "action"}: ${action.description} (owner: ${action.ownerName ?? action.ownerId})`),
    ];
  },
};
