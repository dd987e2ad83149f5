import { startAims } from "./app/app.js";
import { type Config, ConfigError, loadConfig } from "./config/config.js";
import { createLogger } from "./log/logger.js";

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const aims = await startAims(config, { logger });

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    aims.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error) => {
  createLogger("error").fatal({ err: error }, "aims-bot could not start");
  process.exit(1);
});
