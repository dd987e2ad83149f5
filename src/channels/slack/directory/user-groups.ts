import type { WebClient } from "@slack/web-api";
import type { GroupFacts } from "../../../features/organisation/role-service.js";

/** A Slack user group as a form offers it. */
export interface SlackUserGroup {
  id: string;
  handle: string;
  name: string;
}

type GroupsClient = Pick<WebClient, "usergroups">;

/** The workspace's enabled user groups, by name, for a form's choices. */
export async function listUserGroups(client: GroupsClient): Promise<SlackUserGroup[]> {
  const { usergroups } = await client.usergroups.list({});
  return (usergroups ?? [])
    .flatMap((group) => (group.id && group.handle ? [{ id: group.id, handle: group.handle, name: group.name || group.handle }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The user group someone picked or typed: its id (S…), `@handle`, `handle` or a mention (`<!subteam^S…|@handle>`).
 * Null when the workspace has no such enabled group, for `RoleService.bindGroup`'s field error.
 */
export async function findUserGroup(client: GroupsClient, idOrHandle: string): Promise<GroupFacts | null> {
  const wanted = idOrHandle.trim();
  const mentioned = /^<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(wanted)?.[1];
  const key = (mentioned ?? wanted.replace(/^@/, "")).toLowerCase();
  if (!key) return null;
  const found = (await listUserGroups(client)).find((group) => group.id.toLowerCase() === key || group.handle.toLowerCase() === key);
  return found ? { channel: "slack", externalId: found.id, name: `${found.name} (@${found.handle})` } : null;
}
