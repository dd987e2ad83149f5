/** The incident messages' buttons and forms: Slack action and callback ids, Teams verbs. */
export const INCIDENT_IDS = {
  toInvestigating: "incident.status.investigating",
  toMitigated: "incident.status.mitigated",
  toResolved: "incident.status.resolved",
  showSummary: "incident.summary",
  closeForm: "incident.close.form",
  correctiveActionForm: "incident.action.form",
  externalReportForm: "incident.external.form",
  report: "incident.report",
  close: "incident.close",
  addCorrectiveAction: "incident.action.add",
  recordExternalReport: "incident.external.record",
  timelineNote: "incident.timeline.note",
} as const;
