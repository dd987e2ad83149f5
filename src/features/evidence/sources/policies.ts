import { campaignDoneAtSql } from "../../policies/campaign-subject.js";
import { column, columns, type EvidenceSource } from "../evidence-source.js";

const DONE_AT = campaignDoneAtSql("c", `t."personId"`);

/** Each published version of a document people must accept (ISO 42001 5.2, A.2.2): its hash and who published it. */
export const policyVersions: EvidenceSource = {
  recordType: "policy",
  title: "Policy documents (published versions)",
  file: "policy-versions",
  table: "PolicyVersion",
  joins: [{ table: "PolicyDocument", alias: "d", on: `d."id" = t."documentId"` }],
  reference: `d."title" || ' v' || t."version"`,
  date: `t."publishedAt"`,
  outcome: `CASE WHEN t."requiresAcknowledgement" THEN 'everyone accepts again' ELSE 'earlier acceptances stand' END`,
  columns: [
    { name: "document", sql: `d."title"` },
    ...columns("version", "summary", "sha256", "publishedAt", "publishedVia"),
    { name: "publishedBy", sql: `CASE WHEN t."publishedById" IS NULL THEN NULL ELSE t."publishedByChannel"::text || ':' || t."publishedById" END` },
    column("requiresAcknowledgement"),
  ],
  redaction: "The full text of each version is in the database; the pack keeps its sha256, which identifies it.",
};

/**
 * One row per person and document version accepted (ISO 42001 5.2, 7.2, 7.3, 7.4, A.2.2): who, when, in which chat,
 * through which campaign, and the sha256 of the exact text accepted. Read with policy-campaign-completion.csv.
 */
export const policyAcknowledgements: EvidenceSource = {
  recordType: "policy",
  title: "Policy acknowledgements (per person)",
  file: "policy-acknowledgements",
  table: "PolicyAcknowledgement",
  joins: [
    { table: "PolicyVersion", alias: "v", on: `v."id" = t."versionId"` },
    { table: "PolicyDocument", alias: "d", on: `d."id" = v."documentId"` },
  ],
  reference: `d."title" || ' v' || v."version" || ' / ' || t."channel"::text || ':' || t."externalId"`,
  date: `t."acknowledgedAt"`,
  outcome: `'accepted'`,
  columns: [
    { name: "document", sql: `d."title"` },
    { name: "version", sql: `v."version"` },
    column("sha256"),
    column("channel", "text"),
    column("externalId"),
    {
      name: "name",
      sql: `(SELECT CASE WHEN p."erasedAt" IS NOT NULL THEN p."pseudonym" ELSE ci."name" END FROM "ChatIdentity" ci JOIN "Person" p ON p."id" = ci."personId" WHERE ci."channel" = t."channel" AND ci."externalId" = t."externalId")`,
    },
    column("campaignId"),
    column("acknowledgedAt"),
  ],
};

/**
 * Completion per campaign recipient, for an auditor (one CSV row per person asked): accepted (or, for a training
 * campaign, passed) or not, when, and
 * whether after the deadline (empty while not accepted: compare the deadline with the pack's date). The campaign's
 * version and audience say what was asked of whom.
 */
export const campaignCompletion: EvidenceSource = {
  recordType: "policy",
  title: "Policy campaign completion (per person asked)",
  file: "policy-campaign-completion",
  table: "CampaignRecipient",
  joins: [
    { table: "PolicyCampaign", alias: "c", on: `c."id" = t."campaignId"` },
    // A training campaign has no document version: its module stands in for it.
    { table: "PolicyVersion", alias: "v", on: `v."id" = c."versionId"`, optional: true },
    { table: "PolicyDocument", alias: "d", on: `d."id" = v."documentId"`, optional: true },
  ],
  reference: `'campaign ' || c."id" || ' / ' || t."channel"::text || ':' || t."externalId"`,
  date: `t."addedAt"`,
  outcome: `CASE WHEN ${DONE_AT} IS NULL THEN 'not accepted' WHEN c."moduleId" IS NULL THEN 'accepted' ELSE 'passed' END`,
  controls: `c."controls"`,
  columns: [
    { name: "campaign", sql: `c."id"` },
    { name: "document", sql: `COALESCE(d."title", 'training: ' || c."moduleTitle")` },
    { name: "version", sql: `COALESCE(v."version", c."moduleVersion")` },
    { name: "audience", sql: `c."audienceLabel"` },
    { name: "deadline", sql: `c."deadline"` },
    column("channel", "text"),
    column("externalId"),
    { name: "name", sql: `(SELECT ci."name" FROM "ChatIdentity" ci WHERE ci."channel" = t."channel" AND ci."externalId" = t."externalId")` },
    column("joinedLate"),
    // For a training campaign: passed, when first passed, and whether after the deadline.
    { name: "accepted", sql: `${DONE_AT} IS NOT NULL` },
    { name: "acceptedAt", sql: DONE_AT },
    { name: "late", sql: `${DONE_AT} > c."deadline"` },
  ],
};
