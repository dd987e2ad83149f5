import type { Core } from "../../app/core.js";
import type { InFlight } from "../../core/in-flight.js";
import type { TeamsConfig } from "../../config/config.js";
import type { Logger } from "../../log/logger.js";
import type { TeamsConversationStore } from "./conversation-store.js";
import type { TeamsMessenger } from "./messenger.js";

/** What every Teams handler may use: the core services, the Teams settings, stored conversations and proactive sends. */
export interface TeamsContext {
  core: Core;
  teams: TeamsConfig;
  logger: Logger;
  conversations: TeamsConversationStore;
  messenger: TeamsMessenger;
  /** Work that goes on after a turn was answered; awaited on shutdown. */
  inFlight: InFlight;
}
