import { type ChildProcess, spawn } from "node:child_process";

/** Settings a test process must not inherit from the machine: which database, and any real credentials. */
const INHERITED_SETTINGS_TO_DROP = ["DATABASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "MICROSOFT_APP_ID"];

export interface AimsChild {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
}

/** `src/main.ts` as its own process, with the machine's environment less its database and credentials, plus `env`. */
export function spawnAims(env: Record<string, string | undefined>): AimsChild {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_SETTINGS_TO_DROP) delete childEnv[name];
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env: { ...childEnv, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout?.on("data", (chunk) => (text += chunk));
  child.stderr?.on("data", (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

export function waitForLine(output: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const match = output().match(pattern);
      if (match) return resolve(match);
      if (Date.now() > deadline) return reject(new Error(`no line matching ${pattern} in:\n${output()}`));
      setTimeout(poll, 50);
    };
    poll();
  });
}

export interface AimsProcess extends AimsChild {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** SIGKILL: the process dies at once, in the middle of whatever it was doing. Does nothing once it has exited. */
  kill(): Promise<void>;
  /** SIGTERM, the graceful stop; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns the bot on port 0 and resolves once it has reported how it started (it listens then). */
export async function startAimsProcess(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<AimsProcess> {
  const started = spawnAims({ PORT: "0", LOG_LEVEL: "info", ...env });
  // The start-up report ends with the metrics line: once it is out, every line of the report is.
  const reported = waitForLine(started.output, /listening on port (\d+)[\s\S]*"metrics: /, timeoutMs);
  const [, port] = await Promise.race([
    reported,
    started.exited.then((code) => Promise.reject(new Error(`aims-bot exited (${code}) before it was ready:\n${started.output()}`))),
  ]);
  return {
    ...started,
    url: `http://127.0.0.1:${port}`,
    async kill() {
      started.child.kill("SIGKILL");
      await started.exited;
    },
    stop() {
      started.child.kill("SIGTERM");
      return started.exited;
    },
  };
}
