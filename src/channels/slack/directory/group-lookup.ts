import type { WebClient } from "@slack/web-api";
import type { GroupLookup } from "../../../features/organisation/group-lookup.js";
import type { GroupFacts } from "../../../features/organisation/role-service.js";

/** The workspace's enabled user groups (usergroups.list, scope usergroups:read), by name. */
async function userGroups(client: WebClient): Promise<GroupFacts[]> {
  const { usergroups = [] } = await client.usergroups.list({ include_disabled: false });
  return usergroups
    .filter((group) => group.id && !group.date_delete)
    .map((group): GroupFacts => ({ channel: "slack", externalId: group.id!, name: group.name || group.handle || group.id! }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Slack user groups a role can be bound to; a group is found only while Slack lists it. */
export function slackGroupLookup(client: WebClient): GroupLookup {
  return {
    groups: () => userGroups(client),
    find: async (id) => (await userGroups(client)).find((group) => group.externalId === id) ?? null,
  };
}
