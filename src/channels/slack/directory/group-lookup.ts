import type { WebClient } from "@slack/web-api";
import type { GroupLookup } from "../../../features/organisation/group-lookup.js";
import { findUserGroup, listUserGroups } from "./user-groups.js";

/** Slack user groups a role can be bound to (usergroups:read); a group is found only while Slack lists it. */
export function slackGroupLookup(client: WebClient): GroupLookup {
  return {
    groups: async () => (await listUserGroups(client)).map((group) => ({ channel: "slack", externalId: group.id, name: `${group.name} (@${group.handle})` })),
    find: (id) => findUserGroup(client, id),
  };
}
