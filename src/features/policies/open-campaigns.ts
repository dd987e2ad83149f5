import type { Prisma } from "../../db/database.js";
import { Prisma as PrismaSql } from "../../db/generated/client.js";
import { campaignDoneAtSql } from "./campaign-subject.js";

/** A campaign still open for a person, as `/aims me` lists it: a document to accept or a module to pass, by when. */
export interface OpenCampaignLine {
  campaignId: number;
  kind: "document" | "module";
  title: string;
  version: number;
  deadline: Date;
}

/** The open campaigns the person (any of their accounts) has not done yet, earliest deadline first, with how many in all. */
export async function openCampaignsFor(db: Prisma, personIds: readonly string[], take: number): Promise<{ total: number; items: OpenCampaignLine[] }> {
  if (personIds.length === 0) return { total: 0, items: [] };
  const rows = await db.$queryRaw<OpenCampaignLine[]>`
    SELECT DISTINCT c."id" AS "campaignId", CASE WHEN c."moduleId" IS NULL THEN 'document' ELSE 'module' END AS "kind",
           COALESCE(d."title", c."moduleTitle", '') AS "title", COALESCE(v."version", c."moduleVersion", 0)::int AS "version", c."deadline"
      FROM "CampaignRecipient" r JOIN "PolicyCampaign" c ON c."id" = r."campaignId"
      LEFT JOIN "PolicyVersion" v ON v."id" = c."versionId" LEFT JOIN "PolicyDocument" d ON d."id" = v."documentId"
     WHERE r."personId" IN (${PrismaSql.join([...personIds])}) AND c."closedAt" IS NULL
       AND ${PrismaSql.raw(campaignDoneAtSql())} IS NULL
     ORDER BY c."deadline", c."id"`;
  return { total: rows.length, items: rows.slice(0, take) };
}
