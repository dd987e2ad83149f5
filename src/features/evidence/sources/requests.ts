import { column, columns, type EvidenceSource } from "../evidence-source.js";

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
