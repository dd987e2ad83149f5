import { ConfigError, loadConfig } from "../config/config.js";
import { openDatabase } from "../db/database.js";
import { createLogger } from "../log/logger.js";

/** `npm run db:migrate`: applies pending migrations to the configured database (embedded or DATABASE_URL) and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.database, logger);
  await database.close();
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
