import type { FakeUserGroupInput, Json, WorkspaceState } from "../workspace-state.js";
import { type MethodHandler, SlackApiError, invalidArguments } from "./method-handler.js";

const flag = (value: unknown) => value === true || value === "true" || value === "1" || value === 1;

function visible(group: FakeUserGroupInput, args: Json): boolean {
  return !group.disabled || flag(args.include_disabled);
}

function describeGroup(state: WorkspaceState, group: FakeUserGroupInput, args: Json): Json {
  return {
    id: group.id,
    team_id: state.identity.teamId,
    is_usergroup: true,
    is_subteam: true,
    name: group.name,
    description: "",
    handle: group.handle,
    is_external: false,
    date_create: 1_700_000_000,
    date_update: 1_700_000_000,
    date_delete: group.disabled ? 1_700_000_100 : 0,
    auto_type: null,
    created_by: state.identity.botUserId,
    updated_by: state.identity.botUserId,
    deleted_by: null,
    prefs: { channels: [], groups: [] },
    user_count: group.users?.length ?? 0,
    ...(flag(args.include_users) ? { users: [...(group.users ?? [])] } : {}),
  };
}

/** usergroups.list: the workspace's user groups, enabled ones unless include_disabled; members with include_users. */
const list: MethodHandler = (args, { state }) => ({
  ok: true,
  usergroups: [...state.userGroups.values()].filter((group) => visible(group, args)).map((group) => describeGroup(state, group, args)),
});

/** usergroups.users.list: a group's member ids; an unknown or disabled group is no_such_subteam, as on Slack. */
const usersList: MethodHandler = (args, { state }) => {
  const id = args.usergroup;
  if (typeof id !== "string" || id === "") throw invalidArguments("missing required field: usergroup");
  const group = state.userGroups.get(id);
  if (!group || !visible(group, args)) throw new SlackApiError("no_such_subteam");
  return { ok: true, users: [...(group.users ?? [])] };
};

export const userGroupMethods: Record<string, MethodHandler> = {
  "usergroups.list": list,
  "usergroups.users.list": usersList,
};
