import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config/config.js";
import { openDatabase } from "../db/database.js";
import { sealPending } from "../features/audit-trail/seal-chain.js";
import { describeVerification, UNSEALED_REPORT_AFTER_MS, verifyAuditChain, type ChainHead } from "../features/audit-trail/verify-chain.js";
import { createLogger } from "../log/logger.js";

const USAGE = "Usage: npm run audit:verify [-- --head ID:HASH]   (a head printed in an audit pack's audit-chain.json)";

/**
 * `npm run audit:verify`: seals what has committed, then walks the whole audit chain of the configured database and
 * reports the first broken link.
 * Exit code 0 when it verifies, 1 when it is broken (or cannot be read), 64 for bad arguments.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { head: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const expectedHead = values.head === undefined ? undefined : parseHead(values.head);
  if (expectedHead === null) {
    console.error(`--head must look like 1234:<64 hex characters>\n${USAGE}`);
    return 64;
  }
  const config = loadConfig();
  const database = await openDatabase(config.database, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
  try {
    const sealing = await sealPending(database.prisma, { wait: true });
    if ((sealing.longestWaitMs ?? 0) > UNSEALED_REPORT_AFTER_MS) {
      console.error(`WARNING: sealed ${sealing.sealed} event(s) that had waited up to ${Math.round(sealing.longestWaitMs! / 1000)} s: is the sealer running?`);
    }
    let lastPrinted = 0;
    const result = await verifyAuditChain(database.prisma, {
      expectedHead,
      onProgress: (checked) => {
        if (checked - lastPrinted >= 50_000) {
          console.error(`checked ${checked.toLocaleString("en")} events…`);
          lastPrinted = checked;
        }
      },
    });
    (result.ok ? console.log : console.error)(describeVerification(result));
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

function parseHead(text: string): ChainHead | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { id: Number(match[1]), hash: match[2] } : null;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
