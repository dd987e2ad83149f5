import type { WebClient } from "@slack/web-api";
import type { ChatIdentity } from "../../../db/generated/client.js";
import type { SlackContext } from "../context.js";
import { slackFailure } from "./directory-client.js";

/** How long what users.info said about a person is trusted before the bot asks again. */
const LOOKUP_FRESH_MS = 24 * 60 * 60_000;

/** The parts of a Slack user (users.info, the user_change event) the directory reads. */
export interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  profile?: { email?: string; real_name?: string };
}

/**
 * Who a Slack person is, for the people directory: their name, the email the workspace verified (which links them
 * to their Teams account) and whether the account was deactivated. Asked of Slack at most once a day per person,
 * never while an answer to Slack is pending, and a failed lookup is only a warning.
 */
export class SlackPeople {
  private readonly lookups = new Map<string, Promise<void>>();
  /** Until when each person's record is known to be fresh, so most acts cost no database read. */
  private readonly freshUntil = new Map<string, number>();

  constructor(
    private readonly ctx: SlackContext,
    private readonly client: WebClient,
  ) {}

  /** A Slack person acted: looks them up in the background when the bot does not know them or knew them a day ago. */
  noticed(userId: string): void {
    if (this.lookups.has(userId) || (this.freshUntil.get(userId) ?? 0) > this.ctx.core.clock.now().getTime()) return;
    const lookup = this.refresh(userId).finally(() => this.lookups.delete(userId));
    this.lookups.set(userId, lookup);
  }

  /** Asks Slack about the person unless the bot looked them up within the day. Never throws. */
  async refresh(userId: string): Promise<void> {
    const { core, logger } = this.ctx;
    try {
      let lookedUpAt = (await core.directory.identity({ channel: "slack", id: userId }))?.lookedUpAt;
      if (!lookedUpAt || core.clock.now().getTime() - lookedUpAt.getTime() >= LOOKUP_FRESH_MS) {
        const { user } = await this.client.users.info({ user: userId });
        if (user) await this.observe(user);
        lookedUpAt = core.clock.now();
      }
      this.freshUntil.set(userId, lookedUpAt.getTime() + LOOKUP_FRESH_MS);
    } catch (error) {
      logger.warn({ slackError: slackFailure(error) }, "could not look up a Slack user; the directory keeps what it knew");
    }
  }

  /** Records what Slack says about a user (bots are not people and are skipped). */
  async observe(user: SlackUser): Promise<ChatIdentity | null> {
    if (!user.id || user.is_bot || user.id === "USLACKBOT") return null;
    return this.ctx.core.directory.observe({
      channel: "slack",
      id: user.id,
      name: user.real_name || user.profile?.real_name || user.name || null,
      // Slack shows only emails the workspace confirmed, so it can link accounts.
      verifiedEmail: user.profile?.email ?? null,
      deactivated: user.deleted ? { reason: "Slack reports the account deactivated" } : null,
    });
  }

  /** Waits for the lookups under way: the app is stopping, or a test reads what they stored. */
  async settled(): Promise<void> {
    while (this.lookups.size > 0) await Promise.all(this.lookups.values());
  }
}
