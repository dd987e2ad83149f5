import { latestDueAssessments } from "../assessments/reassessment-source.js";
import type { DigestSection } from "./digest-section.js";

const DAY_MS = 86400_000;
/** How far ahead a re-assessment counts as coming up. */
export const REASSESSMENT_LOOK_AHEAD_DAYS = 30;

/** Impact re-assessments due and overdue, and assessments waiting for or given sign-off (6.1.4, 8.4, A.5.2). */
export const assessmentsSection: DigestSection = {
  title: "Impact assessments",
  async collect(db, { from, to }) {
    const [due, waiting, signedOff] = await Promise.all([
      latestDueAssessments(db, new Date(to.getTime() + REASSESSMENT_LOOK_AHEAD_DAYS * DAY_MS)),
      db.impactAssessment.count({ where: { status: "submitted" } }),
      db.impactAssessment.count({ where: { status: "signed_off", signedOffAt: { gte: from, lt: to } } }),
    ]);
    const overdue = due.filter((row) => row.nextReassessmentAt < to).length;
    return [
      { key: "assessments.reassessment_overdue", label: "Re-assessments overdue", value: overdue },
      { key: "assessments.reassessment_due", label: `Re-assessments due in the next ${REASSESSMENT_LOOK_AHEAD_DAYS} days`, value: due.length - overdue },
      { key: "assessments.waiting_sign_off", label: "Waiting for sign-off", value: waiting },
      { key: "assessments.signed_off", label: "Signed off this week", value: signedOff },
    ];
  },
};
