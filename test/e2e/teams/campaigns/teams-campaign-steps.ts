import { expect } from "vitest";
import type { Clock } from "../../../../src/core/clock.js";
import type { ConnectorCall } from "../../../support/fake-bot-connector/index.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { personalChat, personalChatId, type TeamsPerson } from "../../../support/teams-activities.js";
import { cardText } from "../teams-steps.js";

/** The AIMS owner who starts campaigns in the Teams campaign and training tests. */
export const TESS: TeamsPerson = { aadObjectId: "00000000-0000-4000-8000-0000000000f1", id: "29:1teams-user-f1", name: "Tess Owner" };

/** The app on Teams alone, Tess an AIMS owner, the scheduler ticked by the test, and each person's bot installed. */
export async function startTeamsCampaignAims(clock: Clock, people: TeamsPerson[], workingHours = "00:00-23:59"): Promise<TestAims> {
  const t = await startTestAims({
    teams: true,
    slack: false,
    clock,
    env: { TEAMS_OWNERS: TESS.aadObjectId, AIMS_SCHEDULER_ENABLED: "false", AIMS_WORKING_HOURS: workingHours },
  });
  for (const who of [TESS, ...people]) expect((await t.teams.install(who, personalChat(who))).status).toBe(200);
  return t;
}

/** The cards the bot sent on its own into the person's personal chat that carry `marker` (an action id). */
export const cardsSentTo = (t: TestAims, who: TeamsPerson, marker: string): ConnectorCall[] =>
  t.teams.connector.calls.filter((call) => call.kind === "send" && call.conversationId === personalChatId(who) && cardText(call.body).includes(marker));
