import type { WebClient } from "@slack/web-api";
import type { SlackContext } from "../context.js";
import { slackFailure } from "./directory-client.js";
import type { SlackPeople } from "./slack-people.js";

const HOUR_MS = 60 * 60_000;
const GROUP_GONE = "Slack no longer has this user group (deleted or disabled): its members were removed.";

/**
 * Keeps the members of Slack user groups bound to roles as Slack lists them: after a binding, when Slack reports a
 * change (subteam_members_changed, subteam_updated) and every SLACK_GROUP_SYNC_HOURS. One replica syncs a group at a
 * time (a lease on the group); a change reported meanwhile makes it sync again; a failed sync is recorded on the group
 * and retried at the next resync.
 */
export class SlackGroupSync {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly ctx: SlackContext,
    private readonly client: WebClient,
    private readonly people: SlackPeople,
    /** Names this replica on the lease. */
    private readonly holder: string,
  ) {}

  /** Syncs every bound group never synced, not synced for SLACK_GROUP_SYNC_HOURS, or whose last sync failed. */
  syncDue(): Promise<void> {
    const { core, slack } = this.ctx;
    return this.syncStale(new Date(core.clock.now().getTime() - slack.groupSyncHours * HOUR_MS));
  }

  /**
   * Syncs every bound group now: after a binding, whose group may have been bound before and kept members Slack
   * no longer lists (changes to unbound groups are not followed).
   */
  syncAllBound(): Promise<void> {
    return this.syncStale(new Date(this.ctx.core.clock.now().getTime() + 1));
  }

  /** Slack reports the group's members (or name) changed. */
  changed(subteamId: string, name?: string): Promise<void> {
    return this.track(async () => {
      const group = await this.ctx.core.groups.requestSync("slack", subteamId, name);
      if (group) await this.sync(group.id);
    });
  }

  /** Waits for the syncs under way: the app is stopping, or a test reads what they stored. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  private syncStale(staleBefore: Date): Promise<void> {
    return this.track(async () => {
      for (const group of await this.ctx.core.groups.due("slack", staleBefore)) await this.sync(group.id, staleBefore);
    });
  }

  private async sync(groupId: string, staleBefore?: Date): Promise<void> {
    const { core, logger } = this.ctx;
    const claim = await core.groups.claim(groupId, this.holder, staleBefore);
    if (!claim) return;
    let members: string[];
    let gone = false;
    try {
      const listed = await this.members(claim.group.externalId);
      members = listed ?? [];
      gone = listed === null;
      await core.groups.applyMembers(groupId, members);
    } catch (error) {
      const failure = slackFailure(error);
      logger.warn({ userGroup: claim.group.externalId, slackError: failure }, "Slack user group sync failed; retried at the next resync");
      await core.groups.release(claim, this.holder, `Reading the members from Slack failed: ${failure}`);
      return;
    }
    const again = await core.groups.release(claim, this.holder, gone ? GROUP_GONE : null);
    // Each member gets a name and email (and a link to their Teams account) like any person who acts; one at a
    // time, after the lease is freed, as these are only as urgent as the next act.
    for (const member of members) await this.people.refresh(member);
    if (again) await this.sync(groupId);
  }

  /** The group's members, or null when Slack no longer has it (deleted or disabled): then nobody holds its role. */
  private async members(subteamId: string): Promise<string[] | null> {
    try {
      return (await this.client.usergroups.users.list({ usergroup: subteamId })).users ?? [];
    } catch (error) {
      if (slackFailure(error) === "no_such_subteam") return null;
      throw error;
    }
  }

  private track(work: () => Promise<void>): Promise<void> {
    const run = work()
      .catch((error: unknown) => this.ctx.logger.warn({ slackError: slackFailure(error) }, "Slack user group sync failed"))
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return run;
  }
}
