/** A person as the Teams roster describes them (TeamsChannelAccount); email and UPN come from Microsoft Entra ID. */
export interface RosterPerson {
  aadObjectId: string;
  /** The Teams user id ("29:..."). */
  id: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
}

/** What the roster answers for one request: a status and a JSON body. */
export interface RosterAnswer {
  status: number;
  body: object;
}

export interface FakeRoster {
  /**
   * Puts people in a team (by team id) or a group chat (by conversation id). From then on the test decides who is in
   * it: a sender writing there is no longer added on their own.
   */
  add(scopeId: string, ...people: RosterPerson[]): void;
  /** Takes people out of a team or chat, by AAD object id. */
  remove(scopeId: string, ...aadObjectIds: string[]): void;
  /** A team the bot is installed in, with its name (GET /v3/teams/{id}). */
  team(teamId: string, name: string): void;
  /** Pages hold at most this many members, whatever page size the bot asks for (Teams caps it too). */
  setPageLimit(limit: number): void;
  /** Who Teams knows is in a conversation once they write there: the sender of an activity the test posts. */
  saw(activity: unknown): void;
  member(scopeId: string, memberId: string): RosterAnswer;
  page(scopeId: string, pageSize: number | undefined, continuationToken: string | undefined): RosterAnswer;
  teamDetails(teamId: string): RosterAnswer;
}

const notFound = (code: string, message: string): RosterAnswer => ({ status: 404, body: { error: { code, message } } });

/**
 * The roster the Bot Connector reads for a bot (no Microsoft Graph rights): the members of the teams, group chats and
 * personal chats it is in, one member by Teams or AAD id, pages with a continuation token, and team details.
 */
export function createFakeRoster(): FakeRoster {
  const scopes = new Map<string, Map<string, RosterPerson>>();
  const managed = new Set<string>();
  const teams = new Map<string, string>();
  let pageLimit = 500;

  const scope = (id: string) => {
    const members = scopes.get(id) ?? new Map<string, RosterPerson>();
    scopes.set(id, members);
    return members;
  };
  const account = (person: RosterPerson) => ({
    id: person.id,
    name: person.name,
    aadObjectId: person.aadObjectId,
    objectId: person.aadObjectId,
    ...(person.email ? { email: person.email } : {}),
    ...(person.userPrincipalName ? { userPrincipalName: person.userPrincipalName } : {}),
    userRole: "user",
  });

  return {
    add(scopeId, ...people) {
      managed.add(scopeId);
      for (const person of people) scope(scopeId).set(person.aadObjectId, person);
    },
    remove(scopeId, ...aadObjectIds) {
      managed.add(scopeId);
      for (const id of aadObjectIds) scope(scopeId).delete(id);
    },
    team(teamId, name) {
      teams.set(teamId, name);
    },
    setPageLimit(limit) {
      pageLimit = limit;
    },
    saw(activity) {
      const { from, conversation, channelData } = (activity ?? {}) as {
        from?: { id?: string; name?: string; aadObjectId?: string };
        conversation?: { id?: string };
        channelData?: { team?: { id?: string } };
      };
      const scopeId = channelData?.team?.id ?? conversation?.id;
      if (!from?.aadObjectId || !from.id || !scopeId || managed.has(scopeId) || scope(scopeId).has(from.aadObjectId)) return;
      scope(scopeId).set(from.aadObjectId, { aadObjectId: from.aadObjectId, id: from.id, name: from.name ?? "" });
    },
    member(scopeId, memberId) {
      const found = [...(scopes.get(scopeId)?.values() ?? [])].find((person) => person.id === memberId || person.aadObjectId === memberId);
      return found ? { status: 200, body: account(found) } : notFound("MemberNotFoundInConversation", "The member is not found in the conversation.");
    },
    page(scopeId, pageSize, continuationToken) {
      const members = [...(scopes.get(scopeId)?.values() ?? [])];
      if (!scopes.has(scopeId) && !teams.has(scopeId)) return notFound("ConversationNotFound", "Conversation not found.");
      const start = continuationToken ? Number(Buffer.from(continuationToken, "base64url").toString()) : 0;
      if (!Number.isInteger(start) || start < 0 || start > members.length) return { status: 400, body: { error: { code: "BadArgument", message: "Invalid continuation token." } } };
      const size = Math.min(pageSize ?? 100, pageLimit);
      const end = start + size;
      return {
        status: 200,
        body: {
          members: members.slice(start, end).map(account),
          ...(end < members.length ? { continuationToken: Buffer.from(String(end)).toString("base64url") } : {}),
        },
      };
    },
    teamDetails(teamId) {
      const name = teams.get(teamId);
      if (name === undefined) return notFound("TeamNotFound", "The team was not found.");
      return { status: 200, body: { id: teamId, name, aadGroupId: `aad-group-${teamId}`, memberCount: scopes.get(teamId)?.size ?? 0, channelCount: 1 } };
    },
  };
}
