/** The Action.Execute verbs of reminder and check-in cards (they carry the occurrence key as `key`) and of the forms. */
export const SCHEDULING_VERBS = {
  markDone: "due.done",
  snooze: "due.snooze",
  reassign: "due.reassign",
  checkIn: "objective.checkin",
  saveReview: "review.schedule.save",
  saveObjective: "objective.save",
} as const;

/** Names of the inputs on reminder and check-in cards (merged into the action data when a button is clicked). */
export const SCHEDULING_INPUTS = {
  note: "note",
  link: "link",
  owner: "owner",
  progress: "progress",
  value: "value",
} as const;
