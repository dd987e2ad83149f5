import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestAims, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { messageActivity, TEAMS_EMPLOYEE } from "../../support/teams-activities.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false });
});
afterAll(async () => {
  await t?.stop();
});

const valid = () => messageActivity(t.teams.connector.serviceUrl, TEAMS_EMPLOYEE, "help");
const without = (field: string) => {
  const activity: Record<string, unknown> = { ...valid() };
  delete activity[field];
  return activity;
};
const logLevels = () =>
  t
    .logs()
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { level: number; msg: string });

describe("activities POST /api/messages cannot use", () => {
  it.each<[string, () => unknown, RegExp]>([
    ["without a type", () => without("type"), /type/],
    ["with an empty type", () => ({ ...valid(), type: "" }), /type/],
    ["that is a list", () => [valid()], /activity/],
    ["that is a string", () => "message", /activity/],
    ["that is null", () => null, /activity/],
    ["without a conversation", () => without("conversation"), /conversation/],
    ["with a conversation without an id", () => ({ ...valid(), conversation: { conversationType: "personal" } }), /conversation/],
    ["without a serviceUrl", () => without("serviceUrl"), /serviceUrl/],
    ["with a serviceUrl that is not a web address", () => ({ ...valid(), serviceUrl: "not a url" }), /serviceUrl/],
    ["without a sender", () => without("from"), /from/],
    ["with a timestamp that is not a date", () => ({ ...valid(), timestamp: 42 }), /timestamp/],
  ])("answers one %s with 400 and a clear body, logs no error, and keeps serving", async (_name, activity, field) => {
    const response = await t.teams.send(activity() as object);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/^not a Bot Framework activity: /);
    expect(body.error).toMatch(field);
    expect(logLevels().filter((line) => line.level >= 50)).toEqual([]);
    expect(t.teams.connector.calls).toEqual([]);

    const { status } = await t.teams.ask(TEAMS_EMPLOYEE, "help");
    expect(status).toBe(200);
    // The bot looks up who wrote after answering; once that is done, the next malformed activity must cause no call.
    await eventually(async () => expect((await t.aims.core.directory.identity({ channel: "teams", id: TEAMS_EMPLOYEE.aadObjectId }))?.lookedUpAt).toBeTruthy());
    t.teams.connector.calls.length = 0;
  });
});
