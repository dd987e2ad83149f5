import { Prisma as PrismaSql } from "../../db/generated/client.js";
import type { DigestSection } from "../digest/digest-section.js";
import { campaignDoneAtSql } from "./campaign-subject.js";

const DONE_AT = PrismaSql.raw(campaignDoneAtSql());

/**
 * Campaigns of documents to acknowledge and training modules to pass (ISO 42001 7.2, 7.3, 7.4), in one section: each
 * count says which of the two it is, as the campaigns are of either.
 */
export const campaignsSection: DigestSection = {
  title: "Policy acknowledgements and training",
  async collect(db, { from, to }) {
    const [open] = await db.$queryRaw<{ campaigns: number; recipients: number; acknowledged: number; passed: number; late: number }[]>`
      SELECT count(DISTINCT c."id")::int AS "campaigns", count(r."id")::int AS "recipients",
             count(r."id") FILTER (WHERE c."moduleId" IS NULL AND ${DONE_AT} IS NOT NULL)::int AS "acknowledged",
             count(r."id") FILTER (WHERE c."moduleId" IS NOT NULL AND ${DONE_AT} IS NOT NULL)::int AS "passed",
             count(r."id") FILTER (WHERE ${DONE_AT} IS NULL AND c."deadline" < ${to})::int AS "late"
        FROM "PolicyCampaign" c
        JOIN "CampaignRecipient" r ON r."campaignId" = c."id"
       WHERE c."closedAt" IS NULL`;
    const week = { gte: from, lt: to };
    const [acknowledgedThisWeek, passedThisWeek] = await Promise.all([
      db.policyAcknowledgement.count({ where: { acknowledgedAt: week } }),
      db.trainingCompletion.count({ where: { completedAt: week } }),
    ]);
    return [
      { key: "campaigns.open", label: "Open campaigns", value: open?.campaigns ?? 0 },
      { key: "campaigns.recipients", label: "People asked to acknowledge a document or pass a training module", value: open?.recipients ?? 0 },
      { key: "campaigns.accepted", label: "Of them, documents acknowledged", value: open?.acknowledged ?? 0 },
      { key: "campaigns.passed", label: "Of them, training modules passed", value: open?.passed ?? 0 },
      { key: "campaigns.late", label: "Overdue people (past the deadline, not done)", value: open?.late ?? 0 },
      { key: "campaigns.accepted_week", label: "Documents acknowledged this week", value: acknowledgedThisWeek },
      { key: "campaigns.passed_week", label: "Training modules passed this week", value: passedThisWeek },
    ];
  },
};
