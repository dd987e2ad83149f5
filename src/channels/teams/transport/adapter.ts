import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from "botbuilder";
import type { AuthenticateRequestResult } from "botframework-connector";
import type { TeamsConfig } from "../../../config/config.js";
import type { Logger } from "../../../log/logger.js";

/**
 * botbuilder's CloudAdapter, driven step by step (authenticate, then run the turn) instead of through its
 * `process()`, which prints failures with console.error and answers a malformed activity with 500: the endpoint
 * in endpoint.ts answers and logs each step itself.
 */
export class TeamsAdapter extends CloudAdapter {
  /** Checks the Bot Framework token; without an app id, botbuilder accepts any request (local testing only). */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (turn: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function createTeamsAdapter(teams: TeamsConfig, logger: Logger): TeamsAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: teams.appId,
    MicrosoftAppPassword: teams.appPassword,
    MicrosoftAppTenantId: teams.appTenantId,
    MicrosoftAppType: teams.appType,
  });
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (turn: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: turn.activity.type }, "unhandled Teams turn error");
    if (turn.activity.type === "message") {
      await turn.sendActivity("Sorry, something went wrong on our side. Nothing was changed; please try again.");
    }
  };
  return adapter;
}
