import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config/config.js";
import { systemClock } from "../core/clock.js";
import { openDatabase } from "../db/database.js";
import { describeVerification } from "../features/audit-trail/verify-chain.js";
import { exportAndRecord } from "../features/evidence/audit-pack-service.js";
import { progressText } from "../features/evidence/audit-pack/progress-text.js";
import type { PackProgress } from "../features/evidence/audit-pack/write-audit-pack.js";
import { parseEvidencePeriod } from "../features/evidence/evidence-period.js";
import { createLogger } from "../log/logger.js";

const USAGE = "Usage: npm run export -- --out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]";

/** `npm run export`: writes the audit pack (folder and .zip) for the configured database, with progress on stderr. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { out: { type: "string" }, from: { type: "string" }, to: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help || !values.out) {
    console.error(USAGE);
    return values.help ? 0 : 64;
  }
  const period = parseEvidencePeriod({ from: values.from, to: values.to });
  if (!period.ok) {
    console.error(`${period.message}\n${USAGE}`);
    return 64;
  }
  const config = loadConfig();
  const database = await openDatabase(config.database, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
  try {
    const pack = await exportAndRecord({ prisma: database.prisma, clock: systemClock }, null, {
      outDir: values.out,
      period: period.period,
      generatedBy: "an operator on the command line",
      onProgress: progressPrinter(),
    });
    const total = pack.recordCounts.reduce((sum, source) => sum + source.count, 0);
    console.error("");
    console.log(`Audit pack written: ${pack.zipPath} (${total.toLocaleString("en")} records; folder ${pack.folder})`);
    if (pack.missingSources.length > 0) console.log(`Not in this database yet: ${pack.missingSources.join(", ")}`);
    console.log(describeVerification(pack.chain));
    return pack.chain.ok ? 0 : 2;
  } finally {
    await database.close();
  }
}

/** Rewrites one progress line on a terminal (at most every 200 ms); prints a line per step otherwise. */
function progressPrinter(): (progress: PackProgress) => void {
  const tty = process.stderr.isTTY;
  let lastAt = 0;
  let lastKey = "";
  return (progress) => {
    const key = progress.phase === "records" ? progress.title : progress.phase;
    const finished = progress.phase === "records" && progress.done === progress.total;
    const now = Date.now();
    if (key === lastKey && !finished && now - lastAt < (tty ? 200 : 2000)) return;
    if (tty) process.stderr.write(`\r\x1b[K${progressText(progress)}${finished ? "\n" : ""}`);
    else process.stderr.write(`${progressText(progress)}\n`);
    lastAt = now;
    lastKey = finished ? "" : key;
  };
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
