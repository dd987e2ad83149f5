import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from "botbuilder";
import type { TeamsMessenger } from "../messenger.js";
import { statusOf } from "../retry.js";

/**
 * Where a roster is read: a team (by its team id, which is also its General channel's conversation id) or a group or
 * personal chat (by conversation id). A bot reads these rosters through the Bot Connector, without Graph rights.
 */
export interface RosterScope {
  kind: "team" | "chat";
  id: string;
}

/** A person as a Teams roster describes them. */
export interface RosterMember {
  aadObjectId: string;
  name: string | null;
  /** The email Microsoft Entra ID holds for the account, or null; see `verifiedEmailOf`. */
  email: string | null;
}

export interface RosterPage {
  members: RosterMember[];
  /** Null on the last page. */
  continuationToken: string | null;
}

const PAGE_SIZE = 500;
const EMAIL = /^[^\s@#]+@[^\s@#]+\.[^\s@#]+$/;

/**
 * Teams reads `email` and `userPrincipalName` from Microsoft Entra ID, where only the tenant's administrators set
 * them (a person cannot type another's address into their profile), so the bot treats them as verified: that is
 * what links a Teams account to the Slack account reporting the same email. A UPN counts only when it is an email
 * address; a guest's (`name_domain#EXT#@tenant.onmicrosoft.com`) is not.
 */
export function verifiedEmailOf(account: Pick<TeamsChannelAccount, "email" | "userPrincipalName">): string | null {
  if (account.email && EMAIL.test(account.email)) return account.email;
  return account.userPrincipalName && EMAIL.test(account.userPrincipalName) ? account.userPrincipalName : null;
}

function toMember(account: TeamsChannelAccount): RosterMember | null {
  const aadObjectId = account.aadObjectId ?? (account as { objectId?: string }).objectId;
  return aadObjectId ? { aadObjectId, name: account.name || null, email: verifiedEmailOf(account) } : null;
}

const notFound = (error: unknown) => statusOf(error) === 404;

/** Teams refusing to describe a group to this bot (not a member, no such team, not a team id): 4xx other than 429. */
export function notReadable(error: unknown): boolean {
  const status = statusOf(error) ?? 0;
  return status >= 400 && status < 500 && status !== 429;
}

/**
 * The Teams roster, read in turns the bot opens itself (TeamsInfo needs a turn), retried on throttling: the only
 * place the directory code touches botbuilder. A 429 with Retry-After is waited out by botbuilder's HTTP pipeline;
 * `retrying` also retries one without it.
 */
export class TeamsRoster {
  constructor(private readonly messenger: TeamsMessenger) {}

  /** One person, by AAD object id or Teams user id; null when Teams answers 404 (not a member, or no such account). */
  async member(scope: RosterScope, userId: string): Promise<RosterMember | null> {
    try {
      const account = await this.inScope(scope, (turn) =>
        this.messenger.retrying(() => (scope.kind === "team" ? TeamsInfo.getTeamMember(turn, scope.id, userId) : TeamsInfo.getMember(turn, userId))),
      );
      return toMember(account);
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  /** One page of the members, from a continuation token (none: the first page). */
  async page(scope: RosterScope, continuationToken: string | null): Promise<RosterPage> {
    const token = continuationToken ?? undefined;
    const page = await this.inScope(scope, (turn) =>
      this.messenger.retrying(() =>
        scope.kind === "team" ? TeamsInfo.getPagedTeamMembers(turn, scope.id, PAGE_SIZE, token) : TeamsInfo.getPagedMembers(turn, PAGE_SIZE, token),
      ),
    );
    return {
      members: page.members.flatMap((account) => toMember(account) ?? []),
      continuationToken: page.continuationToken || null,
    };
  }

  /** A team's name, or null when Teams will not describe it to the bot (not in it, or no such team). */
  async teamName(teamId: string): Promise<string | null> {
    try {
      const details = await this.inScope({ kind: "team", id: teamId }, (turn) => this.messenger.retrying(() => TeamsInfo.getTeamDetails(turn, teamId)));
      return details.name ?? null;
    } catch (error) {
      if (notReadable(error)) return null;
      throw error;
    }
  }

  private async inScope<T>(scope: RosterScope, work: (turn: TurnContext) => Promise<T>): Promise<T> {
    const reference = await this.messenger.referenceFor(scope.id);
    if (!reference) throw new Error("cannot read a Teams roster yet: the bot has not been reached from Teams");
    return this.messenger.inProactiveTurn(reference, work);
  }
}
