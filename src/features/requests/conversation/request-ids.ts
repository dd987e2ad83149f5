/** The request's buttons and forms, the same in both chats: Slack action and callback ids, Teams verbs. */
export const REQUEST_IDS = {
  submit: "request.submit",
  resubmit: "request.resubmit",
  edit: "request.edit",
  openForm: "request.open_form",
  approve: "request.approve",
  approveWithConditions: "request.approve_conditions",
  reject: "request.reject",
  requestChanges: "request.changes",
  decisionReason: "request.decision_reason",
  renew: "request.renewal.open",
  submitRenewal: "request.renewal.submit",
} as const;
