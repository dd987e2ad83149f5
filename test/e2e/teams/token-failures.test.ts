import { generateKeyPairSync, sign } from "node:crypto";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureConsole } from "../../support/console-capture.js";
import { startTestAims, type TestAims } from "../../support/aims-harness.js";
import { AUTHENTICATED_TEAMS_ENV, messageActivity, TEAMS_APP_ID, TEAMS_EMPLOYEE } from "../../support/teams-activities.js";

const APP_ID = TEAMS_APP_ID;
const CHANNEL_ISSUER = "https://api.botframework.com";
const CHANNEL_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration";
const KEY_ID = "test-signing-key";

/** botframework-connector's cache of Bot Framework signing keys, seeded so a token can be checked offline. */
const { JwtTokenExtractor } = createRequire(import.meta.url)("botframework-connector/lib/auth/jwtTokenExtractor.js") as {
  JwtTokenExtractor: { openIdMetadataCache: Map<string, unknown> };
};
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
function channelToken(claims: Record<string, unknown>): string {
  const unsigned = `${base64url({ alg: "RS256", typ: "JWT", kid: KEY_ID })}.${base64url({ iss: CHANNEL_ISSUER, aud: APP_ID, ...claims })}`;
  return `${unsigned}.${sign("sha256", Buffer.from(unsigned), keys.privateKey).toString("base64url")}`;
}

describe("a Bot Framework token that fails verification", () => {
  let t: TestAims;
  let consoleOutput: ReturnType<typeof captureConsole>;
  beforeAll(async () => {
    // Before the app starts, so anything the app lets through to the console lands here.
    consoleOutput = captureConsole();
    JwtTokenExtractor.openIdMetadataCache.set(CHANNEL_METADATA_URL, {
      getKey: async (keyId: string) =>
        keyId === KEY_ID ? { key: keys.publicKey.export({ type: "spki", format: "pem" }), endorsements: ["msteams"] } : null,
    });
    t = await startTestAims({
      teams: true,
      slack: false,
      env: AUTHENTICATED_TEAMS_ENV,
    });
  });
  afterAll(async () => {
    await t?.stop();
    JwtTokenExtractor.openIdMetadataCache.delete(CHANNEL_METADATA_URL);
    consoleOutput.restore();
  });

  it.each([
    ["expired", () => channelToken({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ["signed with another key", () => channelToken({ exp: Math.floor(Date.now() / 1000) + 3600 }).replace(/\.[^.]+$/, ".c2lnbmF0dXJl")],
  ])("answers one %s with 401; botbuilder's console output becomes JSON log lines, the token in none", async (_name, token) => {
    const jwt = token();
    const before = t.logs().trim().split("\n").length;
    const response = await t.teams.send(messageActivity(t.teams.connector.serviceUrl, TEAMS_EMPLOYEE, "request"), {
      authorization: `Bearer ${jwt}`,
    });
    expect(response.status).toBe(401);
    expect(consoleOutput.printed).toEqual([]);
    const added = t.logs().trim().split("\n").slice(before);
    const lines = added.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lines.filter((line) => line.level >= 40)).toEqual([
      expect.objectContaining({ level: 40, msg: "refused a Teams request: no valid Bot Framework token" }),
    ]);
    expect(lines.filter((line) => line.level === 20).length).toBeGreaterThan(0);
    expect(added.join("\n")).not.toContain(jwt.split(".")[2]);
    expect(t.teams.connector.calls).toEqual([]);
  });
});
