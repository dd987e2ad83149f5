import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import { Prisma as PrismaSql } from "../../db/generated/client.js";
import { campaignDoneAtSql, subjectOf } from "./campaign-subject.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";
import { CAMPAIGN_CONTROLS } from "./controls.js";

export const CAMPAIGN_SOURCE = "policy-campaign";

const itemIdOf = (campaignId: number) => `CMP-${campaignId}`;
const campaignIdOf = (itemId: string) => (/^CMP-(\d+)$/.exec(itemId) ? Number(itemId.slice(4)) : null);

/** The campaign as a due item of the AIMS owner who started it, while people have not accepted; null otherwise. */
async function campaignItem(db: Prisma | Tx, campaignId: number): Promise<DueItem | null> {
  const campaign = await db.policyCampaign.findUnique({ where: { id: campaignId }, include: { version: { include: { document: true } } } });
  if (!campaign || campaign.closedAt || !campaign.plannedAt) return null;
  const [counts] = await db.$queryRaw<{ recipients: number; late: number }[]>`
    SELECT count(*)::int AS "recipients",
           count(*) FILTER (WHERE ${PrismaSql.raw(campaignDoneAtSql())} IS NULL)::int AS "late"
      FROM "CampaignRecipient" r JOIN "PolicyCampaign" c ON c."id" = r."campaignId" WHERE r."campaignId" = ${campaign.id}`;
  if (!counts || counts.late === 0) return null;
  const subject = subjectOf(campaign, campaign.version);
  const late = await latePeople(db, campaign.id, counts.late);
  return {
    source: CAMPAIGN_SOURCE,
    itemId: itemIdOf(campaign.id),
    title: `${counts.late} of ${counts.recipients} have not ${subject.kind === "module" ? "passed" : "accepted"} ${subject.title} v${subject.version} (campaign ${campaign.id}, ${campaign.audienceLabel}): ${late}`,
    dueAt: campaign.deadline,
    owner: { channel: campaign.startedByChannel, id: campaign.startedById },
    controls: campaign.controls,
    kind: "task",
  };
}

/** How many late people a reminder names; `/aims campaign` lists more. */
const LATE_NAMED = 10;

/** The names of the first people late, for the starter's reminder and the AIMS owners' escalation to say who. */
async function latePeople(db: Prisma | Tx, campaignId: number, late: number): Promise<string> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT COALESCE(ci."name", r."externalId") AS "name"
      FROM "CampaignRecipient" r JOIN "PolicyCampaign" c ON c."id" = r."campaignId"
      LEFT JOIN "ChatIdentity" ci ON ci."channel" = r."channel" AND ci."externalId" = r."externalId"
     WHERE r."campaignId" = ${campaignId} AND ${PrismaSql.raw(campaignDoneAtSql())} IS NULL
     ORDER BY ci."name" NULLS LAST, r."externalId"
     LIMIT ${LATE_NAMED}`;
  const more = late - rows.length;
  return `${rows.map((row) => row.name).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/**
 * Each campaign whose people have not all accepted, as a due item of the AIMS owner who started it: reminded on its
 * deadline and escalated to the AIMS owners after the grace period, both naming who is late (all of them: `/aims campaign`). Marking it done
 * closes the campaign: nobody is reminded about it any more.
 */
export function campaignDueSource(clock: Clock): DueItemSource {
  return {
    name: CAMPAIGN_SOURCE,
    async listDue(db, until) {
      const due = await db.policyCampaign.findMany({ where: { closedAt: null, NOT: { plannedAt: null }, deadline: { lte: until } }, select: { id: true } });
      const items = await Promise.all(due.map((campaign) => campaignItem(db, campaign.id)));
      return items.filter((item): item is DueItem => item !== null);
    },
    async find(db, itemId) {
      const id = campaignIdOf(itemId);
      return id === null ? null : campaignItem(db, id);
    },
    async complete(tx, item, at, actor) {
      const id = campaignIdOf(item.itemId)!;
      const closed = await tx.policyCampaign.updateMany({ where: { id, closedAt: null }, data: { closedAt: at } });
      if (closed.count === 0) return false;
      await recordAudit(tx, clock, {
        actor,
        action: "campaign.closed",
        entityType: "policy_campaign",
        entityId: id,
        after: { closedAt: at },
        controls: CAMPAIGN_CONTROLS,
      });
      return true;
    },
    async reassign() {
      return { refused: "A campaign stays with the AIMS owner who started it; any AIMS owner can mark it done to close it." };
    },
  };
}
