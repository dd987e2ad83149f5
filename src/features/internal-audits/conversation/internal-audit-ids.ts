/** The internal audits' views, buttons and forms: Slack callback and action ids, Teams verbs. */
export const AUDIT_IDS = {
  views: {
    programme: "audit.programme",
    checklist: "audit.checklist",
    plan: "audit.plan.save",
    finding: "audit.finding.save",
  },
  actions: {
    showProgramme: "audit.programme.show",
    open: "audit.open",
    planForm: "audit.plan.form",
    findingForm: "audit.finding.form",
    start: "audit.start",
    report: "audit.report",
  },
} as const;
