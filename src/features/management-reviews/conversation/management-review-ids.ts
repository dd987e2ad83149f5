/** Management reviews' buttons and forms: Slack action and callback ids, Teams verbs. */
export const MANAGEMENT_REVIEW_IDS = {
  show: "management_review.show",
  scheduleForm: "management_review.schedule.form",
  decisionForm: "management_review.decision.form",
  actionForm: "management_review.action.form",
  closeForm: "management_review.close.form",
  schedule: "management_review.schedule",
  decide: "management_review.decide",
  addAction: "management_review.action.add",
  close: "management_review.close",
} as const;
