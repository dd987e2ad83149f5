import type { GroupLookup } from "../../../features/organisation/group-lookup.js";
import type { GroupFacts } from "../../../features/organisation/role-service.js";
import type { TeamsConversationStore } from "../conversation-store.js";

/**
 * The teams and group chats a role can be bound to: of the conversations the bot is in, those whose roster it can
 * read, named as the directory syncs them (a team by its team id, a group chat by its conversation id), so a binding
 * made in the form is the group the sync reads.
 */
export function teamsGroupLookup(store: TeamsConversationStore, lookUp: (externalId: string) => Promise<GroupFacts | null>): GroupLookup {
  return {
    async groups() {
      const found = new Map<string, GroupFacts>();
      for (const { conversationId } of await store.groupConversations()) {
        const group = await lookUp(conversationId).catch(() => null);
        if (group) found.set(group.externalId, group);
      }
      return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    find: lookUp,
  };
}
