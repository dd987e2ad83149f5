import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the repo's CLIs (`src/cli/<name>.ts`) through tsx against the given database, as `npm run` would. */
export function runCli(name: string, args: readonly string[], databaseUrl: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", `src/cli/${name}.ts`, ...args], {
      cwd: REPO,
      env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
