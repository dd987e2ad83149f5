import { column, type EvidenceSource } from "../evidence-source.js";

/**
 * Concerns are exported as counts and outcomes only: never who raised them (reporter fields, follow-up codes,
 * quoted messages), nor their description, which may identify the reporter. Dates are days, as stored.
 */
export const concerns: EvidenceSource = {
  recordType: "concern",
  title: "Concerns raised",
  file: "concerns",
  table: "Concern",
  reference: `t."reference"`,
  date: `t."receivedOn"`,
  outcome: `t."status"`,
  columns: [
    column("reference"),
    column("anonymous"),
    column("category", "text"),
    column("status", "text"),
    column("outcomeReason"),
    column("receivedOn", "date"),
    column("acknowledgeBy", "date"),
    column("resolveBy", "date"),
    column("acknowledgedAt", "date"),
    column("closedAt", "date"),
    column("controls"),
  ],
  redaction:
    "Reporter identity, follow-up codes, descriptions, quoted messages and the triage conversation are never " +
    "exported; audit events about concerns are listed without their actor.",
  auditEntityTypesWithoutActor: ["concern", "concern_message"],
};
