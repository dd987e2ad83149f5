import type { App, Authorize } from "@slack/bolt";

/**
 * Makes Bolt ask Slack who the bot is (auth.test) once, on the first request, and remember it; it asks again only
 * after a failure. Bolt 5.1, given a bot token with token verification off, calls auth.test before acknowledging
 * every request: a Web API round trip in the way of each ack, and auth.test's rate limit in the way of a burst. With
 * verification on, it asks once at start-up instead, and a failure then fails every request until a restart.
 */
export function rememberBotIdentity(app: App, botToken: string): void {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  const authorize: Authorize<boolean> = async ({ isEnterpriseInstall }) => {
    identity ??= app.client.auth.test({ token: botToken }).then((result) => ({ botId: result.bot_id, botUserId: result.user_id }));
    try {
      return { isEnterpriseInstall, botToken, ...(await identity) };
    } catch (error) {
      identity = undefined;
      throw error;
    }
  };
  // Bolt keeps its authorize function in a private field; test/e2e/slack/bot-identity.test.ts fails if that changes.
  (app as unknown as { authorize: Authorize<boolean> }).authorize = authorize;
}
