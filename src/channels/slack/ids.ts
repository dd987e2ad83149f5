/** Every Slack callback_id and action_id the bot uses, so listeners, views and the manifest agree. */
export const SLACK_IDS = {
  command: "/aims",
  shortcuts: { requestAiTool: "request_ai_tool" },
  views: {
    requestSubmit: "request_submit",
    requestResubmit: "request_resubmit",
    decisionReason: "request_decision_reason",
  },
  actions: {
    approve: "request_approve",
    reject: "request_reject",
    requestChanges: "request_changes",
    editRequest: "request_edit",
    openRequestForm: "request_open_form",
  },
} as const;
