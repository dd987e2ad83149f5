import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureConsole } from "../../support/console-capture.js";
import { loadConfig } from "../../../src/config/config.js";
import { startTestAims, type TestAims } from "../../support/aims-harness.js";
import { AUTHENTICATED_TEAMS_ENV, messageActivity, TEAMS_APP_ID, TEAMS_EMPLOYEE, TEAMS_APP_SECRET } from "../../support/teams-activities.js";

const APP_ID = TEAMS_APP_ID;

describe("Teams endpoint with a Microsoft app id", () => {
  let t: TestAims;
  beforeAll(async () => {
    t = await startTestAims({
      teams: true,
      slack: false,
      env: AUTHENTICATED_TEAMS_ENV,
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("refuses an activity without a Bot Framework token with 401 and does nothing", async () => {
    const response = await t.teams.send(messageActivity(t.teams.connector.serviceUrl, TEAMS_EMPLOYEE, "request"));
    expect(response.status).toBe(401);
    const forged = await t.teams.send(messageActivity(t.teams.connector.serviceUrl, TEAMS_EMPLOYEE, "request"), {
      authorization: "Bearer not-a-real-token",
    });
    expect(forged.status).toBe(401);
    expect(t.teams.connector.calls).toEqual([]);
    expect(await t.aims.core.prisma.teamsConversation.count()).toBe(0);
    expect(t.logs()).toContain(`Teams: on, HTTP at POST /api/messages (Bot Framework tokens required, MultiTenant app ${APP_ID})`);
    expect(t.logs()).not.toContain(TEAMS_APP_SECRET);
  });

  it("refuses a bad Authorization header with 401 and one redacted JSON log line, nothing on the console", async () => {
    const consoleOutput = captureConsole();
    const logLines = () => t.logs().trim().split("\n");
    const before = logLines().length;
    const token = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJtYWxsb3J5In0.c2lnbmF0dXJlLXNlY3JldA";
    try {
      const response = await t.teams.send(messageActivity(t.teams.connector.serviceUrl, TEAMS_EMPLOYEE, "request"), {
        authorization: `Bearer ${token}`,
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthorized" });
    } finally {
      consoleOutput.restore();
    }
    expect(consoleOutput.printed).toEqual([]);
    const added = logLines().slice(before);
    expect(added).toHaveLength(1);
    expect(JSON.parse(added[0]!)).toMatchObject({ level: 40, msg: "refused a Teams request: no valid Bot Framework token" });
    expect(added[0]).not.toContain(token);
  });
});

describe("Teams settings", () => {
  const teams = { TEAMS_APPROVALS_CONVERSATION: "19:approvals@thread.tacv2", TEAMS_APPROVERS: "00000000-0000-4000-8000-0000000000a1" };
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as { problems: string[] }).problems;
    }
  };

  it("needs a tenant for SingleTenant, a password unless UserAssignedMSI, and approvers as AAD object ids", () => {
    expect(problems({ ...teams, MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: "SingleTenant", MICROSOFT_APP_PASSWORD: "x" })).toEqual([
      "MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE is SingleTenant",
    ]);
    expect(problems({ ...teams, MICROSOFT_APP_ID: APP_ID })).toEqual(["MICROSOFT_APP_PASSWORD: is required when MICROSOFT_APP_TYPE is MultiTenant"]);
    expect(problems({ ...teams, MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: "UserAssignedMSI", MICROSOFT_APP_TENANT_ID: "t" })).toEqual([]);
    expect(problems({ ...teams, TEAMS_APPROVERS: "U012ABCDEF" })[0]).toMatch(/^TEAMS_APPROVERS/);
    expect(problems({ TEAMS_APPROVERS: teams.TEAMS_APPROVERS })[0]).toMatch(/^TEAMS_APPROVALS_CONVERSATION: is required/);
    expect(problems({ ...teams, MICROSOFT_APP_TYPE: "Personal" })[0]).toMatch(/^MICROSOFT_APP_TYPE/);
    expect(loadConfig(teams).teams).toMatchObject({ appId: undefined, appType: "MultiTenant", approvalsConversation: teams.TEAMS_APPROVALS_CONVERSATION });
  });
});
