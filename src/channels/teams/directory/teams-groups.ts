import type { GroupFacts } from "../../../features/organisation/role-service.js";
import type { TeamsConversationStore } from "../conversation-store.js";
import type { TeamsActivity } from "../transport/index.js";
import { notReadable, type RosterScope, type TeamsRoster } from "./teams-roster.js";

/**
 * A Teams group a role can be bound to, as a DirectoryGroup (channel "teams") names it: a team by its team id (the
 * same for all its channels, since they share the team's roster; also its General channel's conversation id), a
 * group chat by its conversation id. Channels and personal chats are no groups of their own.
 */
export interface TeamsGroupRef extends RosterScope {
  /** The name Teams sent with the activity, when it did. */
  name: string | null;
}

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  eventType?: string;
}

/** The team or group chat an activity happened in, or null in a personal chat. */
export function teamsGroupOf(activity: Pick<TeamsActivity, "channelData" | "conversation">): TeamsGroupRef | null {
  const team = (activity.channelData as TeamsChannelData | undefined)?.team;
  if (team?.id) return { kind: "team", id: team.id, name: team.name ?? null };
  if (activity.conversation?.conversationType === "groupChat") return { kind: "chat", id: activity.conversation.id, name: activity.conversation.name || null };
  return null;
}

/** Whether a bound group's id is a group chat the bot has been in (else a team). */
export async function rosterScopeOf(conversations: TeamsConversationStore, externalId: string): Promise<RosterScope> {
  const reference = await conversations.reference(externalId);
  return { kind: reference?.conversation?.conversationType === "groupChat" ? "chat" : "team", id: externalId };
}

const groupChatName = (members: { name: string | null }[]) =>
  `group chat with ${members.flatMap((member) => (member.name ? [member.name] : [])).slice(0, 3).join(", ") || "its members"}`;

/**
 * Looks up a team or group chat the bot is in, by team id or chat conversation id, for `RoleService.bindGroup`:
 * null when the bot cannot read its roster (not installed there, or no such team or chat).
 */
export async function lookUpTeamsGroup(deps: { roster: TeamsRoster; conversations: TeamsConversationStore }, externalId: string): Promise<GroupFacts | null> {
  const id = externalId.trim();
  if (!id) return null;
  const scope = await rosterScopeOf(deps.conversations, id);
  if (scope.kind === "team") {
    const name = await deps.roster.teamName(id);
    return name === null ? null : { channel: "teams", externalId: id, name };
  }
  const reference = await deps.conversations.reference(id);
  const page = await deps.roster.page(scope, null).catch((error: unknown) => {
    if (notReadable(error)) return null;
    throw error;
  });
  if (!page) return null;
  return { channel: "teams", externalId: id, name: reference?.conversation?.name || groupChatName(page.members) };
}
