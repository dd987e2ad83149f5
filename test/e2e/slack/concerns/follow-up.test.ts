import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { FOLLOW_UP_DENIED, FOLLOW_UP_RATE_LIMITED } from "../../../../src/features/concerns/concern-follow-up.js";
import { EMPLOYEE, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { CONCERN_ENV, credentialsIn, fileConcern, openFollowUp, START, textOf } from "./concern-steps.js";

const MAX_ATTEMPTS = 3;
const clock = fixedClock(START);
let t: TestAims;
let code: string;
let secret: string;

beforeAll(async () => {
  t = await startTestAims({
    env: { ...CONCERN_ENV, AIMS_CONCERN_FOLLOW_UP_MAX_ATTEMPTS: String(MAX_ATTEMPTS), AIMS_CONCERN_FOLLOW_UP_WINDOW_MINUTES: "15" },
    clock,
  });
  const { body } = await fileConcern(t, EMPLOYEE, { description: "A model summarises HR complaints and drops names.", category: "privacy", anonymous: true });
  ({ code, secret } = credentialsIn(body!.view!));
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const wrongSecret = () => secret.replace(/^./, (c) => (c === "A" ? "B" : "A"));

describe("anonymous follow-up by case code and secret", () => {
  it("opens the concern with the right code and secret, typed however", async () => {
    const opened = await openFollowUp(t, EMPLOYEE, code.toLowerCase().replace(/-/g, " "), ` ${secret.toLowerCase()} `);
    expect(opened.response_action).toBe("update");
    expect(textOf(opened.view!.blocks)).toContain("*Status*\\nReceived");
  });

  it("gives the same answer for an unknown code and a wrong secret", async () => {
    clock.advance(15 * 60_000);
    const unknown = await openFollowUp(t, EMPLOYEE, "ZZZZ-ZZZZ-ZZZZ", secret);
    const wrong = await openFollowUp(t, EMPLOYEE, code, wrongSecret());
    expect(unknown).toEqual({ response_action: "errors", errors: { secret: FOLLOW_UP_DENIED } });
    expect(wrong).toEqual(unknown);
  });

  it("limits attempts per code and window, even for the right secret and for codes that do not exist, across restarts", async () => {
    clock.advance(15 * 60_000);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect((await openFollowUp(t, EMPLOYEE, code, wrongSecret())).errors?.secret).toBe(FOLLOW_UP_DENIED);
    }
    await t.restart();
    expect((await openFollowUp(t, EMPLOYEE, code, wrongSecret())).errors?.secret).toBe(FOLLOW_UP_DENIED);
    expect((await openFollowUp(t, EMPLOYEE, code, secret)).errors?.secret).toBe(FOLLOW_UP_RATE_LIMITED);

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) await openFollowUp(t, EMPLOYEE, "YYYY-YYYY-YYYY", secret);
    expect((await openFollowUp(t, EMPLOYEE, "YYYY-YYYY-YYYY", secret)).errors?.secret).toBe(FOLLOW_UP_RATE_LIMITED);

    const rows = await t.aims.core.prisma.concernFollowUpAttempt.findMany();
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.codeHash))).toBe(true);
    expect(textOf(rows)).not.toContain(code.replace(/-/g, ""));

    clock.advance(15 * 60_000);
    expect((await openFollowUp(t, EMPLOYEE, code, secret)).response_action).toBe("update");
    expect(await t.aims.core.prisma.concernFollowUpAttempt.count()).toBe(1);
  });
});
