import { column, columns, type EvidenceSource } from "../evidence-source.js";

/** The decisions taken in a deadline's stage, in its revision. */
const STAGE_DECISIONS = `SELECT sd."decidedAt" FROM "RequestStageDecision" sd WHERE sd."requestId" = t."requestId" AND sd."revision" = t."revision" AND sd."stageId" = t."stageId"`;

/** The reminders' occurrence key of a stage deadline (as stageOccurrence and occurrenceKey write it). */
const STAGE_OCCURRENCE_KEY = `'approval-stage|' || r."reference" || '/' || t."stageId" || '|' || to_char(t."dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const aiToolRequests: EvidenceSource = {
  recordType: "ai_tool_request",
  title: "AI tool requests",
  file: "ai-tool-requests",
  table: "AiToolRequest",
  joins: [{ table: "AiSystem", alias: "renews", on: `renews."id" = t."renewsSystemId"`, optional: true }],
  reference: `t."reference"`,
  date: `t."createdAt"`,
  outcome: `t."status"`,
  columns: [
    ...columns("reference", "createdAt", "requesterName", "requesterId", "toolName", "vendor", "url", "purpose"),
    ...columns("intendedUsers", "userCount", "dataCategories", "customerFacing", "decidesAboutPeople"),
    column("orgRole", "text"),
    column("riskTier", "text"),
    column("riskReasons"),
    column("status", "text"),
    ...columns("revision", "aiActOutcome", "aiActClassification", "controls"),
    { name: "renews", sql: `renews."reference"` },
  ],
};

export const approvalDecisions: EvidenceSource = {
  recordType: "approval_decision",
  title: "Approval decisions",
  file: "approval-decisions",
  table: "RequestDecision",
  joins: [{ table: "AiToolRequest", alias: "r", on: `r."id" = t."requestId"` }],
  reference: `r."reference" || ' rev ' || t."revision"`,
  date: `t."decidedAt"`,
  outcome: `t."outcome"`,
  columns: [
    { name: "request", sql: `r."reference"` },
    { name: "toolName", sql: `r."toolName"` },
    column("revision"),
    column("outcome", "text"),
    ...columns("decidedAt", "deciderName", "deciderId", "onBehalfOfName", "onBehalfOfId", "delegationId", "reason", "controls"),
  ],
};

export const approvalStageDecisions: EvidenceSource = {
  recordType: "approval_stage_decision",
  title: "Approval stage decisions",
  file: "approval-stage-decisions",
  table: "RequestStageDecision",
  joins: [{ table: "AiToolRequest", alias: "r", on: `r."id" = t."requestId"` }],
  reference: `r."reference" || ' rev ' || t."revision" || ' ' || t."stageId" || ' ' || t."slot"`,
  date: `t."decidedAt"`,
  outcome: `t."outcome"`,
  columns: [
    { name: "request", sql: `r."reference"` },
    { name: "toolName", sql: `r."toolName"` },
    ...columns("revision", "stageId", "slot"),
    column("outcome", "text"),
    ...columns("decidedAt", "deciderName", "deciderId", "onBehalfOfName", "onBehalfOfId", "delegationId", "reason", "conditions", "validUntil", "controls"),
  ],
};

/**
 * Approval stage deadlines (A.3.2, A.6.2.5, A.9.2): when each stage opened, when it was due, when it escalated to the
 * AIMS owners (the first escalation sent for it) and when it was settled, decided or cancelled (request withdrawn,
 * refused at another stage, reopened).
 */
export const approvalStageDeadlines: EvidenceSource = {
  recordType: "approval_stage_deadline",
  title: "Approval stage deadlines",
  file: "approval-stage-deadlines",
  table: "ApprovalStageDeadline",
  joins: [{ table: "AiToolRequest", alias: "r", on: `r."id" = t."requestId"` }],
  reference: `r."reference" || ' rev ' || t."revision" || ' ' || t."stageId"`,
  date: `t."openedAt"`,
  outcome: `CASE WHEN t."settledAt" IS NULL THEN 'waiting' WHEN EXISTS (${STAGE_DECISIONS}) THEN 'decided' ELSE 'cancelled' END`,
  columns: [
    { name: "request", sql: `r."reference"` },
    { name: "toolName", sql: `r."toolName"` },
    ...columns("revision", "stageId", "openedAt", "dueAt", "escalateAt"),
    { name: "escalatedAt", sql: `(SELECT min(d."sentAt") FROM "ScheduledDelivery" d WHERE d."kind" = 'escalation' AND d."status" = 'sent' AND d."occurrenceKey" = ${STAGE_OCCURRENCE_KEY})` },
    column("settledAt"),
    { name: "decidedAt", sql: `CASE WHEN t."settledAt" IS NOT NULL THEN (SELECT max(s."decidedAt") FROM (${STAGE_DECISIONS}) s) END` },
    column("controls"),
  ],
};

export const registerEntries: EvidenceSource = {
  recordType: "register_entry",
  title: "AI system register entries",
  file: "ai-system-register",
  table: "AiSystem",
  reference: `t."reference"`,
  date: `t."approvedAt"`,
  outcome: `t."status"`,
  columns: [
    ...columns("reference", "name", "vendor", "url", "purpose", "dataCategories"),
    column("orgRole", "text"),
    column("riskTier", "text"),
    ...columns("ownerName", "ownerId"),
    column("status", "text"),
    ...columns("approvedAt", "approvedUntil", "nextReviewAt", "aiActOutcome", "aiActClassification"),
    ...columns("modelName", "modelVersion", "hosting", "hostingRegion", "operators", "guidanceUrl", "conditionsOfUse"),
    ...columns("conditions", "statusReason", "statusChangedAt", "controls"),
  ],
};
