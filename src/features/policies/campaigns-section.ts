import { Prisma as PrismaSql } from "../../db/generated/client.js";
import type { DigestSection } from "../digest/digest-section.js";
import { campaignDoneAtSql } from "./campaign-subject.js";

const DONE_AT = PrismaSql.raw(campaignDoneAtSql());

/** Policy campaigns (ISO 42001 7.3, 7.4): people asked, accepted this week, and late on open campaigns. */
export const campaignsSection: DigestSection = {
  title: "Policy acknowledgements",
  async collect(db, { from, to }) {
    const [open] = await db.$queryRaw<{ campaigns: number; recipients: number; accepted: number; late: number }[]>`
      SELECT count(DISTINCT c."id")::int AS "campaigns", count(r."id")::int AS "recipients",
             count(r."id") FILTER (WHERE ${DONE_AT} IS NOT NULL)::int AS "accepted",
             count(r."id") FILTER (WHERE ${DONE_AT} IS NULL AND c."deadline" < ${to})::int AS "late"
        FROM "PolicyCampaign" c
        JOIN "CampaignRecipient" r ON r."campaignId" = c."id"
       WHERE c."closedAt" IS NULL`;
    const acceptedThisWeek = await db.policyAcknowledgement.count({ where: { acknowledgedAt: { gte: from, lt: to } } });
    return [
      { key: "campaigns.open", label: "Open campaigns", value: open?.campaigns ?? 0 },
      { key: "campaigns.recipients", label: "People asked to accept a document", value: open?.recipients ?? 0 },
      { key: "campaigns.accepted", label: "Of them, accepted", value: open?.accepted ?? 0 },
      { key: "campaigns.late", label: "Past the deadline without accepting", value: open?.late ?? 0 },
      { key: "campaigns.accepted_week", label: "Acceptances this week", value: acceptedThisWeek },
    ];
  },
};
