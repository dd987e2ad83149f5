import type { Prisma } from "../../db/database.js";
import { Prisma as PrismaSql, type PolicyCampaign } from "../../db/generated/client.js";
import { campaignDoneAtSql } from "./campaign-subject.js";
import { CAMPAIGN_REMINDER_KIND, type CampaignInvitationPayload } from "./campaign-payload.js";

/**
 * Once a campaign's deadline has passed, one reminder to each recipient who has not accepted the document or passed the module (key
 * `campaign:<id>:<person>:overdue`, so once per person across replicas and ticks), written by one statement in the
 * database, whatever the audience's size.
 */
export async function remindLate(prisma: Prisma, campaign: PolicyCampaign, payload: CampaignInvitationPayload, notBefore: Date, now: Date): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO "ScheduledDelivery" ("key", "occurrenceKey", "kind", "channel", "recipientId", "payload", "notBefore", "updatedAt")
    SELECT ${`campaign:${campaign.id}:`} || r."personId" || ':overdue', ${`campaign:${campaign.id}`}, ${CAMPAIGN_REMINDER_KIND}, r."channel", r."externalId",
      ${JSON.stringify({ ...payload, reminder: true })}::jsonb, ${notBefore}, ${now}
    FROM "CampaignRecipient" r JOIN "PolicyCampaign" c ON c."id" = r."campaignId"
    WHERE r."campaignId" = ${campaign.id}
      AND ${PrismaSql.raw(campaignDoneAtSql())} IS NULL
    ON CONFLICT ("key") DO NOTHING`;
}
