import type { RawIncidentForm } from "../../src/features/incidents/incident-form.js";

/** A complete incident report, as the form would hand it to the core; tests override what they are about. */
export const VALID_INCIDENT: RawIncidentForm = {
  title: "Chatbot quoted wrong refund rules",
  aiSystemOther: "Support chatbot",
  description: "The support chatbot told customers refunds take 90 days.",
  detectedAt: "2027-02-01T09:00:00Z",
  severity: "sev3",
  harmedParties: ["individuals"],
  containment: "Answer template disabled",
  externalReporting: [],
};

/** The same report as the Teams incident card submits it: every field a string, as Adaptive Cards send them. */
export const TEAMS_INCIDENT_CARD_ANSWERS = {
  title: "Chatbot gave customers wrong refund rules",
  aiSystemOther: "Support chatbot",
  description: "Since this morning the chatbot tells customers refunds take 90 days.",
  detectedAtDate: "2026-12-01",
  detectedAtTime: "09:40",
  severity: "sev3",
  harmedParties: "individuals,organisation",
  containment: "Refund answers switched off.",
  externalReporting: "customers",
};
