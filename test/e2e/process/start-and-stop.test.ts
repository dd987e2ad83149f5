import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AimsProcess, spawnAims, startAimsProcess } from "../../support/aims-process.js";

let dataDir: string;
let aims: AimsProcess | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "aims-process-"));
});
afterAll(async () => {
  await aims?.kill(); // in case a failed check left it running
  await rm(dataDir, { recursive: true, force: true });
});

it("starts with no credentials on the embedded database, says what is off, and stops cleanly on SIGTERM", async () => {
  aims = await startAimsProcess({ DATA_DIR: dataDir });
  expect(aims.output()).toContain("Slack: off. Set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode), SLACK_APPROVALS_CHANNEL and AIMS_APPROVERS");
  expect(aims.output()).toContain("embedded PGlite");
  expect((await fetch(`${aims.url}/healthz`)).status).toBe(200);
  expect((await fetch(`${aims.url}/readyz`)).status).toBe(200);

  expect(await aims.stop()).toBe(0);
  expect(aims.output()).toContain("aims-bot stopped");
}, 120_000);

it("refuses to start with bad settings, naming every problem", async () => {
  const { exited, output } = spawnAims({ PORT: "x", SLACK_BOT_TOKEN: "nope", DATA_DIR: dataDir });
  expect(await exited).toBe(1);
  expect(output()).toContain("aims-bot cannot start; fix these settings:");
  expect(output()).toContain("  - PORT");
  expect(output()).toContain("  - SLACK_BOT_TOKEN: must start with xoxb-");
}, 120_000);
