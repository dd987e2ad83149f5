import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import type { TeamsConfig } from "../../config/config.js";
import type { Logger } from "../../log/logger.js";

/**
 * botbuilder's CloudAdapter. With an app id, every request must carry a valid Bot Framework token (401 otherwise);
 * without one, botbuilder runs unauthenticated — for local testing only.
 */
export function createTeamsAdapter(teams: TeamsConfig, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: teams.appId,
    MicrosoftAppPassword: teams.appPassword,
    MicrosoftAppTenantId: teams.appTenantId,
    MicrosoftAppType: teams.appType,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (turn: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: turn.activity.type }, "unhandled Teams turn error");
    if (turn.activity.type === "message") {
      await turn.sendActivity("Sorry, something went wrong on our side. Nothing was changed; please try again.");
    }
  };
  return adapter;
}
