import type { Prisma } from "../../db/database.js";
import { EXPIRING } from "../register/approval-expiry.js";
import type { DigestSection, DigestWindow } from "./digest-section.js";

/** How far ahead the digest looks for approvals that end. */
const AHEAD_DAYS = 30;
const DAY_MS = 86_400_000;
/** Enough names for a manager to act on, within Slack's 3,000 characters per section. */
const MAX_LISTED = 15;

const day = (at: Date) => at.toISOString().slice(0, 10);

/** Register entries whose approval ends within 30 days of the end of the digest's week, soonest first. */
function endingSoon(db: Prisma, { to }: DigestWindow) {
  return db.aiSystem.findMany({
    where: { status: { in: [...EXPIRING] }, approvedUntil: { gt: to, lte: new Date(to.getTime() + AHEAD_DAYS * DAY_MS) } },
    orderBy: [{ approvedUntil: "asc" }, { id: "asc" }],
  });
}

/** Approvals ending in the next 30 days (A.6.2.5, A.9.2): each system, its owner and its end date, so renewals start in time. */
export const approvalsEndingSection: DigestSection = {
  title: `Approvals ending in the next ${AHEAD_DAYS} days`,
  async collect(db, window) {
    return [{ key: "approvals.ending", label: `Approvals ending within ${AHEAD_DAYS} days`, value: (await endingSoon(db, window)).length }];
  },
  async list(db, window) {
    const ending = await endingSoon(db, window);
    const lines = ending
      .slice(0, MAX_LISTED)
      .map((system) => `${system.reference} (${system.name}), owner ${system.ownerName ?? system.ownerId}, ends ${day(system.approvedUntil!)}`);
    return ending.length > MAX_LISTED ? [...lines, `and ${ending.length - MAX_LISTED} more`] : lines;
  },
};
