import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { fromConcernReporter } from "../concerns/reporter-payloads.js";
import type { SlackPeople } from "./slack-people.js";

interface Body {
  user_id?: unknown;
  user?: { id?: unknown } | string;
  event?: { user?: unknown; bot_id?: unknown };
}

/** The Slack user who sent a slash command, an interaction or an event; none for bots and for events about a user. */
function actingUser(body: Body): string | undefined {
  if (body.event) return body.event.bot_id || typeof body.event.user !== "string" ? undefined : body.event.user;
  if (typeof body.user_id === "string") return body.user_id;
  return typeof body.user === "object" && typeof body.user.id === "string" ? body.user.id : undefined;
}

/**
 * Global middleware: once the listener has run (and so answered Slack), the person who acted is looked up in the background
 * (see SlackPeople). Never for a concern reporter.
 */
export function lookUpActors(people: SlackPeople): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    try {
      await next();
    } finally {
      // Whether or not the listener managed: the person still acted.
      const userId = actingUser(body as Body);
      if (userId && userId !== context.botUserId && !fromConcernReporter(body)) people.noticed(userId);
    }
  };
}
