/** Reminders', check-ins' and schedule forms' buttons and forms: Slack action and callback ids, Teams verbs. */
export const SCHEDULING_IDS = {
  markDone: "due.done",
  snoozeDay: "due.snooze.day",
  snoozeWeek: "due.snooze.week",
  reassign: "due.reassign",
  checkIn: "objective.checkin",
  objectiveForm: "objective.form",
  saveObjective: "objective.save",
  reviewForm: "review.schedule.form",
  saveReview: "review.schedule.save",
} as const;

/** The re-assessment a reminder starts instead of being marked done; the assessments capability answers it. */
export const START_REASSESSMENT = "assessment.start_reassessment";
