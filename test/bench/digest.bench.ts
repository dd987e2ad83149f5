/**
 * Digest generation time over 100,000 seeded records, on PGlite and (when DATABASE_URL is set) PostgreSQL.
 *   npm run bench:digest
 */
import { rolesInDatabase } from "../support/roles.js";
import { fixedClock } from "../../src/core/clock.js";
import { CORE_DIGEST_SECTIONS } from "../../src/features/digest/core-sections.js";
import { DigestService } from "../../src/features/digest/digest-service.js";
import { benchDatabase } from "./scheduling-bench-database.js";

const NOW = new Date("2027-06-14T08:00:00Z");
const RUNS = 5;

/** 60,000 requests over a year, 25,000 decisions, 10,000 register entries, 4,000 objectives, 1,000 review schedules. */
const SEED = [
  `INSERT INTO "AiToolRequest" ("reference","submissionKey","requesterChannel","requesterId","toolName","vendor","purpose","intendedUsers","userCount","dataCategories","customerFacing","decidesAboutPeople","orgRole","riskTier","riskReasons","status","controls","createdAt","updatedAt")
   SELECT 'REQ-' || i, 'k' || i, 'slack', 'U' || (i % 500), 'Tool ' || i, 'Vendor', 'Purpose of the tool', 'Team', 5, ARRAY['internal'], false, false, 'ai_user', 'low', ARRAY[]::text[],
          (ARRAY['pending','approved','rejected','changes_requested'])[1 + i % 4]::"RequestStatus", ARRAY[]::text[],
          TIMESTAMP '2027-06-14 08:00' - (i % 365) * INTERVAL '1 day' - (i % 24) * INTERVAL '1 hour', now()
   FROM generate_series(1, 60000) AS i`,
  `INSERT INTO "RequestDecision" ("requestId","revision","outcome","deciderChannel","deciderId","decidedAt","controls")
   SELECT i, 1, (ARRAY['approved','rejected','changes_requested'])[1 + i % 3]::"DecisionOutcome", 'slack', 'UAPPROVER', TIMESTAMP '2027-06-14 08:00' - (i % 365) * INTERVAL '1 day', ARRAY[]::text[]
   FROM generate_series(1, 25000) AS i`,
  `INSERT INTO "AiSystem" ("reference","name","vendor","purpose","dataCategories","orgRole","riskTier","ownerChannel","ownerId","approvedAt","nextReviewAt","controls","updatedAt")
   SELECT 'SYS-' || i, 'System ' || i, 'Vendor', 'Purpose', ARRAY['internal'], 'ai_user', 'low', 'slack', 'U' || (i % 500), TIMESTAMP '2026-06-01', TIMESTAMP '2027-01-01' + (i % 400) * INTERVAL '1 day', ARRAY[]::text[], now()
   FROM generate_series(1, 10000) AS i`,
  `INSERT INTO "Objective" ("reference","title","target","targetValue","ownerChannel","ownerId","dueAt","nextCheckInAt","progress","controls","updatedAt")
   SELECT 'OBJ-' || i, 'Objective ' || i, 'Target', 100, 'slack', 'U' || (i % 500), TIMESTAMP '2027-12-31', TIMESTAMP '2027-07-01',
          (ARRAY['on_track','at_risk','off_track',NULL])[1 + i % 4]::"ObjectiveProgress", ARRAY[]::text[], now()
   FROM generate_series(1, 4000) AS i`,
  `INSERT INTO "ReviewSchedule" ("reference","kind","title","ownerChannel","ownerId","intervalMonths","nextDueAt","controls","updatedAt")
   SELECT 'REV-' || i, 'other', 'Review ' || i, 'slack', 'U' || (i % 500), 12, TIMESTAMP '2027-01-01' + (i % 365) * INTERVAL '1 day', ARRAY[]::text[], now()
   FROM generate_series(1, 1000) AS i`,
];

async function bench(label: string, serverUrl?: string) {
  const db = await benchDatabase(serverUrl);
  try {
    const seeding = performance.now();
    for (const statement of SEED) await db.pool.query(statement);
    await db.pool.query("ANALYZE");
    const seededMs = performance.now() - seeding;
    const digest = new DigestService({
      prisma: db.prisma,
      clock: fixedClock(NOW),
      roles: await rolesInDatabase(db.prisma, fixedClock(NOW)),
      sections: CORE_DIGEST_SECTIONS,
      settings: { cron: "0 9 * * 1", timezone: "Europe/London", waitingDays: 5, catchUpMs: 0 },
    });
    const times: number[] = [];
    let counts = {};
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now();
      counts = (await digest.generate(NOW, null)).counts;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: 100,000 records seeded in ${(seededMs / 1000).toFixed(1)} s; digest generation over ${RUNS} runs: min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)} ms, median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms`);
    console.log(`  counts: ${JSON.stringify(counts)}`);
  } finally {
    await db.close();
  }
}

await bench("PGlite (embedded)");
if (process.env.DATABASE_URL) await bench("PostgreSQL", process.env.DATABASE_URL);
else console.log("PostgreSQL: skipped (set DATABASE_URL=postgresql://... to run it)");
