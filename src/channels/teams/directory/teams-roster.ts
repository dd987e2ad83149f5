import type { TeamsMessenger } from "../messenger.js";
import { statusOf, type ConversationReference, type RosterAccount } from "../transport/index.js";

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
export function verifiedEmailOf(account: Pick<RosterAccount, "email" | "userPrincipalName">): string | null {
  if (account.email && EMAIL.test(account.email)) return account.email;
  return account.userPrincipalName && EMAIL.test(account.userPrincipalName) ? account.userPrincipalName : null;
}

function toMember(account: RosterAccount): RosterMember | null {
  const aadObjectId = account.aadObjectId ?? account.objectId;
  return aadObjectId ? { aadObjectId, name: account.name || null, email: verifiedEmailOf(account) } : null;
}

const notFound = (error: unknown) => statusOf(error) === 404;

/** Teams refusing to describe a group to this bot (not a member, no such team, not a team id): 4xx other than 429. */
export function notReadable(error: unknown): boolean {
  const status = statusOf(error) ?? 0;
  return status >= 400 && status < 500 && status !== 429;
}

/**
 * The Teams roster, read through the transport's connector (retried on throttling: a 429 with Retry-After is waited
 * out by the SDK's HTTP pipeline, one without it by the transport's retry), at the stored reference of the
 * conversation it belongs to.
 */
export class TeamsRoster {
  constructor(private readonly messenger: TeamsMessenger) {}

  /** One person, by AAD object id or Teams user id; null when Teams answers 404 (not a member, or no such account). */
  async member(scope: RosterScope, userId: string): Promise<RosterMember | null> {
    try {
      const account = await this.messenger.connector.rosterMember(await this.referenceOf(scope), scope, userId);
      return toMember(account);
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  /** One page of the members, from a continuation token (none: the first page). */
  async page(scope: RosterScope, continuationToken: string | null): Promise<RosterPage> {
    const token = continuationToken ?? undefined;
    const page = await this.messenger.connector.rosterPage(await this.referenceOf(scope), scope, PAGE_SIZE, token);
    return {
      members: page.members.flatMap((account) => toMember(account) ?? []),
      continuationToken: page.continuationToken || null,
    };
  }

  /** A team's name, or null when Teams will not describe it to the bot (not in it, or no such team). */
  async teamName(teamId: string): Promise<string | null> {
    try {
      const details = await this.messenger.connector.teamDetails(await this.referenceOf({ kind: "team", id: teamId }), teamId);
      return details.name ?? null;
    } catch (error) {
      if (notReadable(error)) return null;
      throw error;
    }
  }

  private async referenceOf(scope: RosterScope): Promise<Partial<ConversationReference>> {
    const reference = await this.messenger.referenceFor(scope.id);
    if (!reference) throw new Error("cannot read a Teams roster yet: the bot has not been reached from Teams");
    return reference;
  }
}
