import type { Core } from "../../../app/core.js";
import type { Logger } from "../../../log/logger.js";
import type { TeamsActivity } from "../transport/index.js";
import { teamsGroupOf } from "./teams-groups.js";
import type { TeamsRoster } from "./teams-roster.js";

/** How long what the roster said about a person stands before the bot asks again. */
const LOOKUP_STANDS_MS = 24 * 3_600_000;

/**
 * Who the sender of an activity is, from the roster of the conversation they wrote in (name, verified email),
 * recorded in the people directory so that their accounts on both channels are one person. Asked once a day at most;
 * each replica also remembers whom it found fresh, so most activities cost no database read at all.
 */
export class SenderLookup {
  private readonly freshUntil = new Map<string, number>();

  constructor(private readonly deps: { core: Core; roster: TeamsRoster; logger: Logger }) {}

  async lookUp(activity: TeamsActivity): Promise<void> {
    const aadObjectId = activity.from?.aadObjectId;
    if (!aadObjectId || !activity.conversation?.id) return;
    const { core, roster, logger } = this.deps;
    const now = core.clock.now().getTime();
    if ((this.freshUntil.get(aadObjectId) ?? 0) > now) return;
    const known = await core.directory.identity({ channel: "teams", id: aadObjectId });
    if (known?.lookedUpAt && now - known.lookedUpAt.getTime() < LOOKUP_STANDS_MS) {
      this.freshUntil.set(aadObjectId, known.lookedUpAt.getTime() + LOOKUP_STANDS_MS);
      return;
    }
    const scope = teamsGroupOf(activity) ?? { kind: "chat" as const, id: activity.conversation.id };
    const member = await roster.member(scope, aadObjectId);
    if (!member) {
      logger.debug({ scope: scope.kind }, "the Teams roster does not list the sender of an activity; not recorded");
      return;
    }
    await core.directory.observe({ channel: "teams", id: member.aadObjectId, name: member.name, verifiedEmail: member.email, deactivated: null });
    this.freshUntil.set(aadObjectId, now + LOOKUP_STANDS_MS);
  }
}
