import type { Prisma } from "../../db/database.js";

export interface FollowUpLimits {
  followUpMaxAttempts: number;
  followUpWindowMinutes: number;
}

/**
 * Counts one follow-up attempt for a code in the current time window and says whether it is within the limit.
 * The count is an atomic upsert, so replicas share it. Only a hash of the code and the window start are kept, and
 * windows that have passed are deleted.
 */
export async function admitFollowUpAttempt(prisma: Prisma, codeHash: string, now: Date, limits: FollowUpLimits): Promise<boolean> {
  const windowMs = limits.followUpWindowMinutes * 60_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  await prisma.concernFollowUpAttempt.deleteMany({ where: { windowStart: { lt: windowStart } } });
  const [row] = await prisma.$queryRaw<{ attempts: number }[]>`
    INSERT INTO "ConcernFollowUpAttempt" ("codeHash", "windowStart", "attempts") VALUES (${codeHash}, ${utcTimestamp(windowStart)}::timestamp, 1)
    ON CONFLICT ("codeHash", "windowStart") DO UPDATE SET "attempts" = "ConcernFollowUpAttempt"."attempts" + 1
    RETURNING "attempts"`;
  return row.attempts <= limits.followUpMaxAttempts;
}

/** Prisma stores DateTime in timestamp columns as UTC wall time; raw SQL must do the same. */
function utcTimestamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}
