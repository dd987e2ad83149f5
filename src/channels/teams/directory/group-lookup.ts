import type { GroupLookup } from "../../../features/organisation/group-lookup.js";
import type { GroupFacts } from "../../../features/organisation/role-service.js";
import type { TeamsConversationStore } from "../conversation-store.js";

/** Teams sends a conversation's name only now and then; until it has, the kind and the end of the id tell them apart. */
const fallbackName = (type: string, id: string) => `${type === "channel" ? "Team channel" : "Group chat"} ${id.replace(/@thread\..*$/, "").slice(-8)}`;

/** The team channels and group chats the bot is in: their members are the roster the bot can read. */
async function conversations(store: TeamsConversationStore): Promise<GroupFacts[]> {
  return (await store.groupConversations())
    .map(({ conversationId, conversationType, reference }): GroupFacts => ({
      channel: "teams",
      externalId: conversationId,
      name: reference.conversation?.name || fallbackName(conversationType, conversationId),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Teams teams and group chats a role can be bound to: those the bot has been added to. */
export function teamsGroupLookup(store: TeamsConversationStore): GroupLookup {
  return {
    groups: () => conversations(store),
    find: async (id) => (await conversations(store)).find((group) => group.externalId === id) ?? null,
  };
}
