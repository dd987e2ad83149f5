import { column, columns, type EvidenceSource } from "../evidence-source.js";

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
 * Completion per campaign recipient, for an auditor (one CSV row per person asked): accepted or not, when, and
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
    { table: "PolicyVersion", alias: "v", on: `v."id" = c."versionId"` },
    { table: "PolicyDocument", alias: "d", on: `d."id" = v."documentId"` },
  ],
  reference: `'campaign ' || c."id" || ' / ' || t."channel"::text || ':' || t."externalId"`,
  date: `t."addedAt"`,
  outcome: `CASE WHEN EXISTS (SELECT 1 FROM "PolicyAcknowledgement" a WHERE a."versionId" = c."versionId" AND a."personId" = t."personId") THEN 'accepted' ELSE 'not accepted' END`,
  controls: `c."controls"`,
  columns: [
    { name: "campaign", sql: `c."id"` },
    { name: "document", sql: `d."title"` },
    { name: "version", sql: `v."version"` },
    { name: "audience", sql: `c."audienceLabel"` },
    { name: "deadline", sql: `c."deadline"` },
    column("channel", "text"),
    column("externalId"),
    { name: "name", sql: `(SELECT ci."name" FROM "ChatIdentity" ci WHERE ci."channel" = t."channel" AND ci."externalId" = t."externalId")` },
    column("joinedLate"),
    {
      name: "accepted",
      sql: `EXISTS (SELECT 1 FROM "PolicyAcknowledgement" a WHERE a."versionId" = c."versionId" AND a."personId" = t."personId")`,
    },
    {
      name: "acceptedAt",
      sql: `(SELECT a."acknowledgedAt" FROM "PolicyAcknowledgement" a WHERE a."versionId" = c."versionId" AND a."personId" = t."personId")`,
    },
    {
      name: "late",
      sql: `(SELECT a."acknowledgedAt" > c."deadline" FROM "PolicyAcknowledgement" a WHERE a."versionId" = c."versionId" AND a."personId" = t."personId")`,
    },
  ],
};
