import type { ChatChannel } from "../../core/actor.js";
import type { Prisma } from "../../db/database.js";
import { Prisma as PrismaSql, type PolicyCampaign } from "../../db/generated/client.js";

const { empty, sql } = PrismaSql;
import { CAMPAIGN_INVITATION_KIND, type CampaignInvitationPayload } from "./campaign-payload.js";

/** How many people one planning statement adds: each page is its own short statement, so memory stays flat. */
export const PLAN_PAGE_SIZE = 1_000;

/**
 * A campaign's audience as SQL over the active accounts (`ci`): everyone, a group's current members, a role's
 * holders, the accounts the register records as using an AI system.
 */
export interface AudienceFilter {
  audience: PolicyCampaign["audience"];
  groupId?: string | null;
  systemId?: number | null;
  /** For a role or assigned audience: the accounts holding the role or named by the module's rules, as "channel:id". */
  accounts?: readonly string[];
}

function audienceSql(filter: AudienceFilter) {
  if (filter.audience === "group") {
    return sql`AND EXISTS (SELECT 1 FROM "GroupMembership" m WHERE m."groupId" = ${filter.groupId ?? ""} AND m."until" IS NULL
      AND m."channel" = ci."channel" AND m."externalId" = ci."externalId")`;
  }
  if (filter.audience === "system") {
    return sql`AND EXISTS (SELECT 1 FROM "AiSystemUser" u WHERE u."systemId" = ${filter.systemId ?? 0}::int
      AND u."channel" = ci."channel" AND u."externalId" = ci."externalId")`;
  }
  if (filter.audience === "role" || filter.audience === "assigned") return sql`AND (ci."channel"::text || ':' || ci."externalId") = ANY(${[...(filter.accounts ?? [])]}::text[])`;
  return empty;
}

/** One active account per person in the audience, on the channels the bot sends on, after `after` (a person id). */
function candidates(filter: AudienceFilter, channels: readonly ChatChannel[], after: string, limit: number) {
  return sql`SELECT DISTINCT ON (ci."personId") ci."personId", ci."channel", ci."externalId"
    FROM "ChatIdentity" ci JOIN "Person" p ON p."id" = ci."personId"
    WHERE ci."deactivatedAt" IS NULL AND p."erasedAt" IS NULL
      -- Teams lets a bot message only people it has a conversation with (who installed it or wrote to it).
      AND (ci."channel" <> 'teams' OR EXISTS (SELECT 1 FROM "TeamsUser" tu WHERE tu."aadObjectId" = ci."externalId"))
      AND ci."channel"::text = ANY(${[...channels]}::text[]) AND ci."personId" > ${after}
      ${audienceSql(filter)}
    ORDER BY ci."personId", ci."channel", ci."externalId"
    LIMIT ${limit}`;
}

/** How many people the audience reaches now (for "an audience that resolves to nobody"). */
export async function audienceSize(prisma: Prisma, filter: AudienceFilter, channels: readonly ChatChannel[]): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM (${candidates(filter, channels, "", 1_000_000_000)}) c`;
  return row?.count ?? 0;
}

/**
 * Adds the audience to the campaign, page by page: each page inserts its people as recipients and, in the same
 * statement, one scheduled delivery each (key `campaign:<id>:<person>`), both skipping whoever is already there.
 * So planning twice, on two replicas or after a crash, adds nobody twice and messages nobody twice.
 */
export async function planCampaign(
  prisma: Prisma,
  campaign: PolicyCampaign,
  options: { filter: AudienceFilter; channels: readonly ChatChannel[]; payload: CampaignInvitationPayload; now: Date; late: boolean; pageSize?: number },
): Promise<{ added: number }> {
  const { filter, channels, payload, now, late, pageSize = PLAN_PAGE_SIZE } = options;
  const payloadJson = JSON.stringify(payload);
  let after = "";
  let added = 0;
  for (;;) {
    const [page] = await prisma.$queryRaw<{ last: string | null; seen: number; added: number }[]>`
      WITH page AS (${candidates(filter, channels, after, pageSize)}),
      recipients AS (
        INSERT INTO "CampaignRecipient" ("campaignId", "personId", "channel", "externalId", "addedAt", "joinedLate")
        SELECT ${campaign.id}::int, page."personId", page."channel", page."externalId", ${now}, ${late} FROM page
        ON CONFLICT ("campaignId", "personId") DO NOTHING
        RETURNING "personId", "channel", "externalId"),
      deliveries AS (
        INSERT INTO "ScheduledDelivery" ("key", "occurrenceKey", "kind", "channel", "recipientId", "payload", "notBefore", "updatedAt")
        SELECT ${`campaign:${campaign.id}:`} || r."personId", ${`campaign:${campaign.id}`}, ${CAMPAIGN_INVITATION_KIND}, r."channel", r."externalId",
          ${payloadJson}::jsonb, ${now}, ${now}
        FROM recipients r
        ON CONFLICT ("key") DO NOTHING
        RETURNING 1)
      SELECT (SELECT max("personId") FROM page) AS "last", (SELECT count(*)::int FROM page) AS "seen", (SELECT count(*)::int FROM deliveries) AS "added"`;
    added += page?.added ?? 0;
    if (!page?.last || page.seen < pageSize) return { added };
    after = page.last;
  }
}
