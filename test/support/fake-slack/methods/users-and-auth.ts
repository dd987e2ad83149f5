import { type MethodHandler, SlackApiError, requireString } from "./method-handler.js";

const authTest: MethodHandler = (_args, { state }) => {
  const { teamId, teamDomain, botUserId, botId } = state.identity;
  return {
    ok: true,
    url: `https://${teamDomain}.slack.com/`,
    team: teamDomain,
    user: state.users.get(botUserId)?.name,
    team_id: teamId,
    user_id: botUserId,
    bot_id: botId,
    is_enterprise_install: false,
  };
};

const usersInfo: MethodHandler = (args, { state }) => {
  const user = state.users.get(requireString(args, "user", "user_not_found"));
  if (!user) throw new SlackApiError("user_not_found");
  return { ok: true, user };
};

const lookupByEmail: MethodHandler = (args, { state }) => {
  const email = requireString(args, "email", "users_not_found").toLowerCase();
  const user = [...state.users.values()].find(
    (candidate) => String((candidate.profile as { email?: string }).email ?? "").toLowerCase() === email,
  );
  if (!user) throw new SlackApiError("users_not_found");
  return { ok: true, user };
};

export const userAndAuthMethods: Record<string, MethodHandler> = {
  "auth.test": authTest,
  "users.info": usersInfo,
  "users.lookupByEmail": lookupByEmail,
};
