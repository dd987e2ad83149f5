/** The register entry's command, buttons and forms: Slack action and callback ids, Teams verbs. */
export const REGISTER_IDS = {
  command: "system",
  actions: {
    editDetails: "register.details.edit",
    /** One per change: Slack wants each button of a view to have its own action id. */
    lifecycle: { suspend: "register.lifecycle.suspend", resume: "register.lifecycle.resume", retire: "register.lifecycle.retire" },
    use: "register.user.record",
  },
  forms: { details: "register.details.save", lifecycle: "register.lifecycle.save" },
} as const;
