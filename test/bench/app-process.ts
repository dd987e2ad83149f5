/**
 * The real app as a deployment runs it: `src/main.ts` in a process of its own, configured by environment variables
 * only, so a benchmark measures the app's own CPU and event loop, not the load generator's or a fake Slack's.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Linux counts process CPU in clock ticks of 10 ms (`getconf CLK_TCK` is 100 on every Linux we run on). */
const TICK_MS = 10;

export interface AppProcess {
  url: string;
  pid: number;
  /** CPU the process has used so far (user + system), in ms, read from /proc. */
  cpuMs(): number;
  /** Peak resident memory so far, in bytes, read from /proc. */
  peakRssBytes(): number;
  /** Stops the app with SIGTERM (it drains its deliveries) and waits for it to exit. */
  stop(): Promise<void>;
}

/** User + system CPU of a process, in ms, from /proc/<pid>/stat (fields 14 and 15, after the name, which may hold spaces). */
function processCpuMs(pid: number | string): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * CPU used so far by every PostgreSQL process on this machine, in ms (the server's own work, when it runs here).
 * Backends that exited since are not counted, so read it while the app's connections are open.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") total += processCpuMs(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const giveUpAt = Date.now() + 120_000;
  while (Date.now() < giveUpAt) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before it was ready:\n${output()}`);
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app was not ready within 120 s:\n${output()}`);
}

/**
 * Starts `entry` (the app's `src/main.ts`, or a bare Bolt app) with `env` (on top of PATH and HOME only) and resolves once /readyz answers 200.
 * BENCH_PROFILE_DIR=<folder> profiles each app process (`node --cpu-prof`), written there when it stops.
 */
export async function startAppProcess(env: Record<string, string | undefined>, entry = "src/main.ts"): Promise<AppProcess> {
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, () => output);
  const pid = child.pid!;
  return {
    url,
    pid,
    cpuMs: () => processCpuMs(pid),
    peakRssBytes() {
      const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmHWM:"));
      return Number(line?.replace(/\D+/g, "") ?? 0) * 1024;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      if (child.exitCode !== 0 && child.signalCode === null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    },
  };
}
