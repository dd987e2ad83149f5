import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "aims-process-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function waitForLine(output: { text: string }, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const match = output.text.match(pattern);
      if (match) return resolve(match);
      if (Date.now() > deadline) return reject(new Error(`no line matching ${pattern} in:\n${output.text}`));
      setTimeout(poll, 50);
    };
    poll();
  });
}

it("starts with no credentials on the embedded database, says what is off, and stops cleanly on SIGTERM", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "info" };
  for (const name of ["DATABASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "MICROSOFT_APP_ID"]) delete env[name];
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const output = { text: "" };
  child.stdout.on("data", (chunk) => (output.text += chunk));
  child.stderr.on("data", (chunk) => (output.text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const [, port] = await waitForLine(output, /listening on port (\d+)/, 90_000);
  await waitForLine(output, /metrics: off/, 10_000); // the start-up report's last line; under load it may come in a later chunk
  expect(output.text).toContain("Slack: off. Set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode), SLACK_APPROVALS_CHANNEL and AIMS_APPROVERS");
  expect(output.text).toContain("embedded PGlite");
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(output.text).toContain("aims-bot stopped");
}, 120_000);

it("refuses to start with bad settings, naming every problem", async () => {
  const env = { ...process.env, PORT: "x", SLACK_BOT_TOKEN: "nope", DATA_DIR: dataDir };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(1);
  expect(stderr).toContain("aims-bot cannot start; fix these settings:");
  expect(stderr).toContain("  - PORT");
  expect(stderr).toContain("  - SLACK_BOT_TOKEN: must start with xoxb-");
}, 120_000);
