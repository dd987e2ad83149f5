import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYEE, startTestAims, type TestAims } from "../../support/aims-harness.js";

describe("who the bot is in Slack", () => {
  let t: TestAims;
  beforeAll(async () => {
    t = await startTestAims();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const askStatus = async () => {
    const responseUrl = t.fake.newResponseUrl();
    const response = await t.slack.command(EMPLOYEE, "status", { responseUrl });
    return { status: response.status, answered: () => t.fake.waitForResponseUrlPost((post) => post.url === responseUrl) };
  };

  it("is asked of Slack once, on the first request, not before every acknowledgement", async () => {
    const before = t.fake.callsTo("auth.test").length;
    for (let i = 0; i < 3; i++) {
      const { status, answered } = await askStatus();
      expect(status).toBe(200);
      await answered();
    }
    expect(t.fake.callsTo("auth.test").length - before).toBe(1);
  });

  it("is asked again after Slack failed to answer it", async () => {
    await t.restart();
    const before = t.fake.callsTo("auth.test").length;
    t.fake.failNext("auth.test", "service_unavailable");
    // Bolt acknowledges a request it could not authorize and runs no listener.
    expect((await askStatus()).status).toBe(200);

    const { status, answered } = await askStatus();
    expect(status).toBe(200);
    await answered();
    await askStatus().then((again) => again.answered());
    expect(t.fake.callsTo("auth.test").length - before).toBe(2);
  });
});
