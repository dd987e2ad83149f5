/**
 * The Teams transport: the one folder that knows the SDK carrying Bot Framework activities (botbuilder 4 today).
 * The rest of src/channels/teams imports only this file, and only our own types and functions from it; moving to
 * the Microsoft 365 Agents SDK (@microsoft/agents-hosting) rewrites adapter.ts, bot.ts, connector.ts, endpoint.ts and
 * turn.ts, and nothing outside this folder.
 */
import type { Request, Response } from "express";
import type { TeamsConfig } from "../../../config/config.js";
import type { Logger } from "../../../log/logger.js";
import { createTeamsAdapter } from "./adapter.js";
import { BotbuilderBot, type TeamsBotLogic } from "./bot.js";
import { botbuilderConnector, type TeamsConnector } from "./connector.js";
import { activityEndpoint } from "./endpoint.js";

export type * from "./activity.js";
export { ACTIVITY_TYPES } from "./activity.js";
export type { CardAction, TeamsBotLogic } from "./bot.js";
export type { RosterTarget, TeamsConnector } from "./connector.js";
export { retryAfterMs, statusOf } from "./retry.js";
export { conversationReferenceOf, textWithoutBotMention, type TeamsTurn } from "./turn.js";

export interface TeamsTransport {
  /** Sends, updates, opens chats and reads rosters outside a turn. */
  connector: TeamsConnector;
  /** The POST /api/messages handler: checks the request and its token, then runs `logic` on the activity. */
  endpoint(logic: TeamsBotLogic): (req: Request, res: Response) => Promise<void>;
}

export function createTeamsTransport(options: { teams: TeamsConfig; logger: Logger; onConnectorRetry: (status: number) => void }): TeamsTransport {
  const { teams, logger, onConnectorRetry } = options;
  const adapter = createTeamsAdapter(teams, logger);
  return {
    connector: botbuilderConnector(adapter, teams.appId, onConnectorRetry),
    endpoint: (logic) => activityEndpoint(adapter, logger, new BotbuilderBot(logic)),
  };
}
