/** The vendors' views, buttons and forms: Slack callback and action ids, Teams verbs. */
export const VENDOR_IDS = {
  views: {
    list: "vendor.list",
    detail: "vendor.detail",
    request: "vendor.questionnaire.request",
    add: "vendor.add.save",
    owner: "vendor.owner.save",
    answers: "vendor.answers.save",
    outcome: "vendor.outcome.save",
  },
  actions: {
    showList: "vendor.list.show",
    open: "vendor.open",
    addForm: "vendor.add.form",
    ownerForm: "vendor.owner.form",
    send: "vendor.send",
    answersForm: "vendor.answers.form",
    outcomeForm: "vendor.outcome.form",
  },
} as const;
