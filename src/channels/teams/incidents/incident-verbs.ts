/** The Action.Execute verbs of the incident cards. */
export const INCIDENT_VERBS = {
  report: "incident.report",
  status: "incident.status",
  showSummary: "incident.summary",
  closeForm: "incident.close.form",
  close: "incident.close",
  correctiveActionForm: "incident.action.form",
  addCorrectiveAction: "incident.action.add",
  externalReportForm: "incident.external.form",
  recordExternalReport: "incident.external.record",
} as const;
