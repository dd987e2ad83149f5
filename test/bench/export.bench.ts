/**
 * Benchmark (not a test): an audit pack export over 100,000 evidence records stays within bounded memory.
 *   npm run bench:export                      (embedded PGlite, which runs inside this process: its memory counts too)
 *   DATABASE_URL=postgresql://... npm run bench:export   (a throwaway database on that server)
 * Prints time, peak RSS and peak heap while exporting, and the pack size. BENCH_REQUESTS changes the size (default
 * 60,000 requests + 30,000 decisions + 10,000 register entries = 100,000); run with a capped heap, e.g.
 * `node --max-old-space-size=64 --expose-gc --import tsx test/bench/export.bench.ts`, to show it does not grow with size.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../src/db/database.js";
import { createLogger } from "../../src/log/logger.js";
import { writeAuditPack } from "../../src/features/evidence/audit-pack/write-audit-pack.js";
import { progressText } from "../../src/features/evidence/audit-pack/progress-text.js";
import { createTestDatabase } from "../support/test-database.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60_000);
const DECISIONS = Math.floor(REQUESTS / 2);
const SYSTEMS = Math.floor(REQUESTS / 6);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const test = await createTestDatabase();
  const database = await openDatabase(
    { url: test.url, dataDir: os.tmpdir(), poolSize: process.env.DATABASE_URL ? 4 : 1, connectTimeoutMs: 5000 },
    createLogger("warn"),
  );
  const outDir = await mkdtemp(path.join(os.tmpdir(), "aims-bench-export-"));
  try {
    const { prisma } = database;
    console.log(`Seeding ${REQUESTS + DECISIONS + SYSTEMS} records…`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "AiToolRequest" ("reference","submissionKey","requesterChannel","requesterId","requesterName","toolName","vendor",
        "purpose","intendedUsers","userCount","dataCategories","customerFacing","decidesAboutPeople","orgRole","riskTier","riskReasons",
        "status","controls","updatedAt")
      SELECT 'REQ-' || lpad(n::text, 6, '0'), 'bench-' || n, 'slack', 'U' || (n % 500), 'Person ' || (n % 500), 'Tool ' || n, 'Vendor ' || (n % 90),
        'Summarise meeting notes for the team, number ' || n, 'Sales team', 1 + n % 40, ARRAY['internal','personal'], n % 3 = 0, false,
        'ai_user', (ARRAY['low','medium','high'])[1 + n % 3]::"RiskTier", ARRAY['Handles personal data'],
        (CASE WHEN n <= ${DECISIONS} THEN 'approved' ELSE 'pending' END)::"RequestStatus",
        ARRAY['A.4.3','A.4.4','A.7.3','A.7.5','A.9.2','A.9.4','A.10.3','A.10.4'], now()
      FROM generate_series(1, ${REQUESTS}) AS n`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "RequestDecision" ("requestId","revision","outcome","deciderChannel","deciderId","deciderName","reason","decidedAt","controls")
      SELECT n, 1, 'approved', 'slack', 'UAPPROVER1', 'Ada Approver', NULL, now(), ARRAY['A.3.2','A.6.2.5','A.9.2']
      FROM generate_series(1, ${DECISIONS}) AS n`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "AiSystem" ("reference","requestId","name","vendor","purpose","dataCategories","orgRole","riskTier","ownerChannel","ownerId",
        "approvedAt","nextReviewAt","controls","updatedAt")
      SELECT 'SYS-' || lpad(n::text, 6, '0'), n, 'Tool ' || n, 'Vendor ' || (n % 90), 'Meeting notes', ARRAY['internal'], 'ai_user', 'low',
        'slack', 'U' || (n % 500), now(), now() + interval '1 year', ARRAY['A.4.2','A.4.3','A.4.4','A.4.5','A.4.6','A.6.2.7','A.10.2','A.10.3'], now()
      FROM generate_series(1, ${SYSTEMS}) AS n`);

    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 50);
    let lastLine = "";
    const started = performance.now();
    const pack = await writeAuditPack({
      prisma,
      outDir,
      period: {},
      generatedAt: new Date(),
      generatedBy: "the export benchmark",
      onProgress: (progress) => {
        const line = progressText(progress);
        if (progress.phase === "zip") return;
        if (progress.phase === "records" && progress.done % 20_000 !== 0 && progress.done !== progress.total) return;
        if (line !== lastLine) console.log(`  ${line}`);
        lastLine = line;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const records = pack.recordCounts.reduce((sum, source) => sum + source.count, 0);
    console.log(`Database: ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite (in this process)"}`);
    console.log(`Exported ${records.toLocaleString("en")} records in ${seconds.toFixed(1)} s (${Math.round(records / seconds)} records/s)`);
    console.log(`Memory before export: RSS ${mb(baseline.rss)}, heap ${mb(baseline.heapUsed)}`);
    console.log(`Peak while exporting: RSS ${mb(peakRss)} (+${mb(peakRss - baseline.rss)}), heap ${mb(peakHeap)} (+${mb(peakHeap - baseline.heapUsed)})`);
    console.log(`Pack: ${mb((await stat(pack.zipPath)).size)} zipped`);
  } finally {
    await database.close();
    await test.drop();
    await rm(outDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
