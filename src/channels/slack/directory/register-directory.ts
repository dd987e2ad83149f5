import type { App } from "@slack/bolt";
import { randomUUID } from "node:crypto";
import type { SlackContext } from "../context.js";
import { directoryClient, slackFailure } from "./directory-client.js";
import { SlackGroupSync } from "./group-sync.js";
import { lookUpActors } from "./look-up-actors.js";
import { SlackPeople, type SlackUser } from "./slack-people.js";

/** How often each replica looks for user groups due a resync; the lease on each group lets only one replica sync it. */
const RESYNC_CHECK_MS = 15 * 60_000;

/** The Slack side of the people directory: who people are, and the members of user groups bound to roles. */
export interface SlackDirectory {
  people: SlackPeople;
  groups: SlackGroupSync;
  /** Stops the resync timer and waits for lookups and syncs under way. */
  stop(): Promise<void>;
}

export function registerSlackDirectory(app: App, ctx: SlackContext): SlackDirectory {
  const client = directoryClient(ctx);
  const people = new SlackPeople(ctx, client);
  const groups = new SlackGroupSync(ctx, client, people, `slack-sync:${randomUUID()}`);

  app.use(lookUpActors(people));
  app.event("user_change", async ({ event }) => {
    try {
      await people.observe(event.user as SlackUser);
    } catch (error) {
      ctx.logger.warn({ slackError: slackFailure(error) }, "could not record a Slack user change");
    }
  });
  // A new member of the workspace: recorded at once, and campaigns for new joiners reach them on arrival.
  app.event("team_join", async ({ event }) => {
    try {
      await people.observe(event.user as SlackUser);
      await ctx.core.campaigns.welcome();
    } catch (error) {
      ctx.logger.warn({ err: error, slackError: slackFailure(error) }, "could not welcome a new Slack member");
    }
  });
  app.event("subteam_members_changed", async ({ event }) => {
    void groups.changed(event.subteam_id);
  });
  app.event("subteam_updated", async ({ event }) => {
    if (event.subteam.id) void groups.changed(event.subteam.id, event.subteam.name);
  });
  ctx.core.events.subscriber("slack.directory").on("role.changed", async ({ change }) => {
    if (change === "bound") void groups.syncAllBound();
  });

  const timer = setInterval(() => void groups.syncDue(), RESYNC_CHECK_MS);
  timer.unref();
  return {
    people,
    groups,
    async stop() {
      clearInterval(timer);
      await Promise.all([people.settled(), groups.settled()]);
    },
  };
}
