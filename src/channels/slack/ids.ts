import { ERASURE_IDS } from "./erasure/erasure-ids.js";
import { INCIDENT_IDS } from "../../features/incidents/conversation/incident-ids.js";
import { SCHEDULING_IDS } from "../../features/scheduler/conversation/scheduling-ids.js";
import { CONCERN_FORM_ID } from "../../features/concerns/conversation/concern-form-view.js";
import { FOLLOW_UP_IDS } from "../../features/concerns/conversation/follow-up-views.js";
import { REPORTER_IDS } from "../../features/concerns/conversation/reporter-views.js";
import { TRIAGE_IDS } from "../../features/concerns/conversation/triage-ids.js";
import { SOA_IDS } from "../../features/soa/conversation/soa-ids.js";
import { REQUEST_IDS } from "../../features/requests/conversation/request-ids.js";

/** Every Slack callback_id and action_id the bot uses, so listeners, views and the manifest agree. */
export const SLACK_IDS = {
  command: "/aims",
  shortcuts: { requestAiTool: "request_ai_tool" },
  views: {
    requestSubmit: REQUEST_IDS.submit,
    decisionReason: REQUEST_IDS.decisionReason,
  },
  actions: {
    approve: REQUEST_IDS.approve,
    approveWithConditions: REQUEST_IDS.approveWithConditions,
    reject: REQUEST_IDS.reject,
    requestChanges: REQUEST_IDS.requestChanges,
    editRequest: REQUEST_IDS.edit,
    openRequestForm: REQUEST_IDS.openForm,
  },
  concerns: {
    messageShortcut: "report_ai_concern",
    globalShortcut: "report_ai_concern_global",
    views: {
      submit: CONCERN_FORM_ID,
      followUpSecret: FOLLOW_UP_IDS.open,
      followUpAnswer: FOLLOW_UP_IDS.answer,
      question: TRIAGE_IDS.ask,
      assign: TRIAGE_IDS.assign,
      close: TRIAGE_IDS.close,
      answer: REPORTER_IDS.answer,
    },
    actions: {
      acknowledge: TRIAGE_IDS.acknowledge,
      ask: TRIAGE_IDS.ask,
      assign: TRIAGE_IDS.assign,
      close: TRIAGE_IDS.close,
      answer: REPORTER_IDS.answer,
    },
  },
  incidents: {
    messageShortcut: "add_incident_timeline",
    views: { report: INCIDENT_IDS.report, close: INCIDENT_IDS.close, correctiveAction: INCIDENT_IDS.addCorrectiveAction, externalReport: INCIDENT_IDS.recordExternalReport, timelineNote: INCIDENT_IDS.timelineNote },
    actions: {
      toInvestigating: INCIDENT_IDS.toInvestigating,
      toMitigated: INCIDENT_IDS.toMitigated,
      toResolved: INCIDENT_IDS.toResolved,
      close: INCIDENT_IDS.closeForm,
      addCorrectiveAction: INCIDENT_IDS.correctiveActionForm,
      externalReport: INCIDENT_IDS.externalReportForm,
    },
  },
  scheduling: SCHEDULING_IDS,
  soa: SOA_IDS,
  erasure: ERASURE_IDS,
} as const;
