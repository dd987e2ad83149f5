import type { GroupFacts } from "../../../features/organisation/role-service.js";
import type { TeamsContext } from "../context.js";
import { isUnlinkableActivity } from "../concerns/unlinkable-activity.js";
import { TeamsGroupSync } from "./group-sync.js";
import { applyMemberEvents } from "./member-events.js";
import { SenderLookup } from "./person-lookup.js";
import { lookUpTeamsGroup } from "./teams-groups.js";
import { TeamsRoster } from "./teams-roster.js";
import type { TeamsActivity } from "../transport/index.js";

/** How often each replica looks for bound groups due a sync (the database decides which are due, and who runs them). */
const SWEEP_MS = 5 * 60_000;

/**
 * The Teams side of the people directory: who a Teams person is (their roster entry), and the members of the teams
 * and group chats roles are bound to, kept current on binding, on every join and leave, and every
 * TEAMS_GROUP_SYNC_HOURS.
 */
export class TeamsDirectory {
  private readonly roster: TeamsRoster;
  private readonly sync: TeamsGroupSync;
  private readonly senders: SenderLookup;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ctx: TeamsContext) {
    this.roster = new TeamsRoster(ctx.messenger);
    this.senders = new SenderLookup({ core: ctx.core, roster: this.roster, logger: ctx.logger });
    this.sync = new TeamsGroupSync({ core: ctx.core, roster: this.roster, conversations: ctx.conversations, logger: ctx.logger, syncHours: ctx.teams.groupSyncHours });
    ctx.core.events.subscriber("teams.directory").on("role.changed", async ({ change }) => {
      if (change === "bound") await this.sync.syncDue();
    });
  }

  /**
   * After a turn was answered, in the background: looks up who sent it, and applies who joined or left. Nothing for
   * someone who may be reporting a concern anonymously: no roster call names them and no row dates them.
   */
  afterTurn(activity: TeamsActivity): void {
    if (isUnlinkableActivity(activity)) return;
    const deps = { core: this.ctx.core, roster: this.roster, conversations: this.ctx.conversations, logger: this.ctx.logger };
    this.inBackground("could not look up a Teams person in the roster", () => this.senders.lookUp(activity));
    if (activity.type !== "conversationUpdate") return;
    this.inBackground("could not apply a Teams membership change", async () => {
      const { resyncGroupId } = await applyMemberEvents(deps, activity);
      if (resyncGroupId) await this.sync.syncGroup(resyncGroupId);
      // Someone joined a team the bot keeps: campaigns for new joiners of that team reach them.
      if (activity.membersAdded?.length) await this.ctx.core.campaigns.welcome();
    });
  }

  /** A team (by team id) or group chat (by conversation id) the bot is in, for `RoleService.bindGroup`; null if none. */
  lookUpGroup(externalId: string): Promise<GroupFacts | null> {
    return lookUpTeamsGroup({ roster: this.roster, conversations: this.ctx.conversations }, externalId);
  }

  /** Syncs whatever bound groups are due now, then every few minutes. */
  start(): void {
    const sweep = () => this.inBackground("could not sync the bound Teams groups", () => this.sync.syncDue());
    this.timer ??= setInterval(sweep, SWEEP_MS);
    this.timer.unref();
    sweep();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private inBackground(failure: string, work: () => Promise<unknown>): void {
    void this.ctx.inFlight.track(work().catch((error: unknown) => this.ctx.logger.warn({ err: error }, failure)));
  }
}
