/**
 * One replica of the burst benchmark (burst.bench.ts): a database pool, the request service and a chain sealer, as
 * the app runs them. Forked once per replica on PostgreSQL, so each has its own process and event loop like a
 * deployed replica; used in-process on the embedded database, which serves one process.
 */
import { recordAudit } from "../../src/core/audit.js";
import { systemClock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import { rolesInDatabase } from "../support/roles.js";
import { openDatabase, type Database } from "../../src/db/database.js";
import { ChainSealer } from "../../src/features/audit-trail/chain-sealer.js";
import { RequestService } from "../../src/features/requests/request-service.js";
import { createLogger } from "../../src/log/logger.js";
import { VALID_REQUEST } from "../support/request-form-state.js";

export interface ReplicaSettings {
  url?: string;
  dataDir: string;
  poolSize: number;
  /** "submit": RequestService.submit (a request, its reference number and its audit event); "append": a bare audit event. */
  scenario: "submit" | "append";
}

export interface Share {
  /** Submission keys are burst-<from>… burst-<from + count - 1>. */
  from: number;
  count: number;
  concurrency: number;
}

export interface Replica {
  database: Database;
  sealer: ChainSealer;
  /** Submits the share, `concurrency` at a time; returns each submission's latency in ms. */
  submit(share: Share): Promise<number[]>;
  close(): Promise<void>;
}

const logger = createLogger("warn");
const WARM_UP_ROUNDS = 20;
const actorFor = (n: number) => ({ channel: "slack" as const, id: `UBURST${n % 500}`, name: `Person ${n % 500}` });

export async function openReplica(settings: ReplicaSettings): Promise<Replica> {
  const database = await openDatabase({ url: settings.url, dataDir: settings.dataDir, poolSize: settings.poolSize, connectTimeoutMs: 5000 }, logger);
  const requests = new RequestService({ prisma: database.prisma, clock: systemClock, roles: await rolesInDatabase(database.prisma, systemClock), events: new EventBus(database.prisma, logger), registerReviewMonths: 12 });
  const sealer = new ChainSealer({ prisma: database.prisma, logger });
  const submitOne = async (key: string, n: number) => {
    if (settings.scenario === "append") {
      const change = { actor: actorFor(n), action: "bench.appended", entityType: "bench", entityId: key, after: VALID_REQUEST, controls: [] };
      await database.prisma.$transaction((tx) => recordAudit(tx, systemClock, change));
      return;
    }
    const result = await requests.submit(actorFor(n), VALID_REQUEST, key);
    if (!result.ok) throw new Error(`submission ${key} was refused`);
  };
  // Warms up connections and the JIT before anything is timed.
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
    await Promise.all(Array.from({ length: settings.poolSize }, (_, i) => submitOne(`warm-${process.pid}-${round}-${i}`, i)));
  }
  return {
    database,
    sealer,
    async submit({ from, count, concurrency }) {
      const latencies: number[] = [];
      let next = from;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < from + count) {
            const n = next++;
            const started = performance.now();
            await submitOne(`burst-${n}`, n);
            latencies.push(performance.now() - started);
          }
        }),
      );
      return latencies;
    },
    async close() {
      await sealer.stop();
      await database.close();
    },
  };
}

type ParentMessage = { type: "open"; settings: ReplicaSettings } | { type: "go"; share: Share } | { type: "close" };

/** As a forked child: open when told, report "ready", run the share on "go", report the latencies, close. */
if (process.argv.includes("--burst-replica") && process.send) {
  let replica: Replica | undefined;
  process.on("message", (message: ParentMessage) => {
    void (async () => {
      if (message.type === "open") {
        replica = await openReplica(message.settings);
        replica.sealer.start();
        process.send!({ type: "ready" });
      } else if (message.type === "go") {
        const cpuBefore = process.cpuUsage();
        const latencies = await replica!.submit(message.share);
        const cpu = process.cpuUsage(cpuBefore);
        process.send!({ type: "done", latencies, rss: process.resourceUsage().maxRSS * 1024, cpuMs: (cpu.user + cpu.system) / 1000 });
      } else {
        await replica?.close();
        process.exit(0);
      }
    })().catch((error) => {
      console.error(error);
      process.exit(1);
    });
  });
}
