import type { Core } from "../../app/core.js";
import type { SlackConfig } from "../../config/config.js";
import type { Logger } from "../../log/logger.js";

/** What every Slack listener may use: the core services, the Slack settings and a logger. */
export interface SlackContext {
  core: Core;
  slack: SlackConfig;
  logger: Logger;
}
