import type { Request, Response } from "express";
import { withLibraryConsole } from "../../../log/library-console.js";
import { scrubSecrets, type Logger } from "../../../log/logger.js";
import { readIncomingActivity } from "./incoming-activity.js";
import type { TeamsAdapter } from "./adapter.js";
import type { BotbuilderBot } from "./bot.js";

/**
 * A token that does not verify: botframework-connector's AuthenticationError with 401/403, or jsonwebtoken's own
 * errors, which it rethrows. Anything else (the signing keys could not be fetched, say) is our failure, not theirs.
 */
function isTokenRefusal(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { statusCode } = error as { statusCode?: unknown };
  return statusCode === 401 || statusCode === 403 || ["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"].includes(error.name);
}

/**
 * POST /api/messages: what botbuilder's `process()` does, with answers Teams and operators can act on — 400 naming
 * what is wrong with an activity, 401 for a token that does not verify — and every failure as one line in the
 * app's JSON logs instead of botbuilder's console output.
 */
export function activityEndpoint(adapter: TeamsAdapter, logger: Logger, bot: BotbuilderBot) {
  const log = logger.child({ component: "teams" });
  return async (req: Request, res: Response): Promise<void> => {
    const incoming = readIncomingActivity(req.body);
    if (!incoming.ok) {
      log.warn({ problem: incoming.problem }, "refused a Teams request: not a Bot Framework activity");
      res.status(400).json({ error: `not a Bot Framework activity: ${incoming.problem}` });
      return;
    }
    const { activity } = incoming;
    let auth: Awaited<ReturnType<typeof adapter.authenticate>>;
    try {
      auth = await withLibraryConsole(log, () => adapter.authenticate(activity, req.headers.authorization ?? ""));
    } catch (error) {
      if (!isTokenRefusal(error)) throw error;
      log.warn({ reason: scrubSecrets((error as Error).message), activityType: activity.type }, "refused a Teams request: no valid Bot Framework token");
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    const answer = await adapter.runTurn(auth, activity, (turn) => bot.run(turn));
    res.status(answer?.status ?? 200);
    if (answer?.body !== undefined) res.send(answer.body);
    res.end();
  };
}
