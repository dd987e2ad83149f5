import { subscribeTeamsNotifications } from "./conversation/teams-publisher.js";
import express, { type Application } from "express";
import type { Core } from "../../app/core.js";
import type { InFlight } from "../../core/in-flight.js";
import type { TeamsConfig } from "../../config/config.js";
import type { Logger } from "../../log/logger.js";
import { TeamsConversationStore } from "./conversation-store.js";
import { teamsGroupLookup } from "./directory/group-lookup.js";
import type { TeamsContext } from "./context.js";
import { TeamsMessenger } from "./messenger.js";
import { attachTeamsScheduling } from "./scheduling/register.js";
import { aimsTeamsBot } from "./teams-bot.js";
import { createTeamsTransport } from "./transport/index.js";
import { TeamsDirectory } from "./directory/teams-directory.js";
import type { GroupFacts } from "../../features/organisation/role-service.js";
import { teamsHandlerLabel } from "./handler-label.js";
import { stopwatch } from "../../metrics/metrics.js";

export const TEAMS_MESSAGES_PATH = "/api/messages";

export interface TeamsChannel {
  /** False when no MICROSOFT_APP_ID is set: the endpoint then accepts unauthenticated requests (local testing only). */
  authenticated: boolean;
  /** A team (team id) or group chat (conversation id) the bot is in, to bind a role to; null when it is in none such. */
  lookUpGroup(externalId: string): Promise<GroupFacts | null>;
  /** Starts (and stops) keeping the bound teams' members current. */
  start(): void;
  stop(): void;
}

/**
 * The Teams edge: the transport's endpoint at POST /api/messages on the shared express server (JSON parsed for that
 * route only). Everything specific to the SDK (botbuilder) stays in transport/, so moving to the Microsoft 365 Agents
 * SDK touches nothing else.
 */
export function createTeamsChannel(options: {
  core: Core;
  teams: TeamsConfig;
  logger: Logger;
  http: Application;
  inFlight: InFlight;
}): TeamsChannel {
  const { core, teams, logger, http, inFlight } = options;
  const transport = createTeamsTransport({ teams, logger, onConnectorRetry: (status) => core.metrics.teamsConnectorRetried(status) });
  const conversations = new TeamsConversationStore(core.prisma);
  const ctx: TeamsContext = {
    core,
    teams,
    logger,
    conversations,
    messenger: new TeamsMessenger(transport.connector, conversations, logger),
    inFlight,
  };
  const directory = new TeamsDirectory(ctx);
  core.groupLookups.use("teams", teamsGroupLookup(conversations, (externalId) => directory.lookUpGroup(externalId)));
  subscribeTeamsNotifications(ctx);
  attachTeamsScheduling(ctx);

  // Not strict: any JSON reaches the endpoint, which says what is wrong with it.
  const answer = transport.endpoint(aimsTeamsBot(ctx, directory));
  http.post(TEAMS_MESSAGES_PATH, express.json({ limit: "1mb", strict: false }), async (req, res) => {
    // The turn is answered when it is done, so the two times differ only by the response's write.
    const label = teamsHandlerLabel(req.body ?? {});
    const elapsed = stopwatch();
    res.once("finish", () => core.metrics.acknowledged(label, elapsed()));
    try {
      await inFlight.track(answer(req, res));
    } finally {
      core.metrics.replied(label, elapsed());
    }
  });
  return {
    authenticated: Boolean(teams.appId),
    lookUpGroup: (externalId) => directory.lookUpGroup(externalId),
    start: () => directory.start(),
    stop: () => directory.stop(),
  };
}
