import { Writable } from "node:stream";
import { loadConfig } from "../../src/config/config.js";
import type { Clock } from "../../src/core/clock.js";
import { EventBus } from "../../src/core/events.js";
import type { Prisma } from "../../src/db/database.js";
import { rolesInDatabase } from "../support/roles.js";
import type { ClaimedDelivery, DeliveryTransport } from "../../src/features/scheduler/delivery.js";
import { createScheduling, type Scheduling } from "../../src/features/scheduler/scheduling-core.js";
import { createLogger } from "../../src/log/logger.js";

export const AIMS_OWNER = "UAIMSOWNER";
export const MANAGERS_CHANNEL = "C0MANAGERS";

/** Records every send across replicas; yields between steps so replicas interleave. */
export class RecordingTransport implements DeliveryTransport {
  readonly sent: { key: string; recipientId: string; by: string; payload: unknown }[] = [];
  constructor(private readonly replica: string, readonly log: RecordingTransport["sent"] = []) {
    this.sent = log;
  }

  forReplica(name: string): RecordingTransport {
    return new RecordingTransport(name, this.sent);
  }

  async send(delivery: ClaimedDelivery) {
    await new Promise((resolve) => setImmediate(resolve));
    this.sent.push({ key: delivery.key, recipientId: delivery.recipientId, by: this.replica, payload: delivery.payload });
    return { messageId: `${this.sent.length}` };
  }

  async timezoneOf() {
    return "Europe/London";
  }

  keys(): string[] {
    return this.sent.map((send) => send.key);
  }
}

const quietLogger = createLogger("warn", new Writable({ write: (_chunk, _encoding, done) => done() }));

/** One bot replica's scheduling services on `prisma`, with its own Scheduler instance and instance id. */
export async function startReplica(name: string, prisma: Prisma, clock: Clock, transport: RecordingTransport, env: Record<string, string> = {}): Promise<Scheduling> {
  const config = loadConfig({
    AIMS_OWNERS: AIMS_OWNER,
    AIMS_MANAGERS: "UMANAGER1",
    SLACK_MANAGERS_CHANNEL: MANAGERS_CHANNEL,
    AIMS_WORKING_HOURS: "00:00-24:00",
    AIMS_REMINDERS_ON_WEEKENDS: "true",
    ...env,
  });
  const roles = await rolesInDatabase(prisma, clock, { owner: { slack: config.roles.slackOwners }, manager: { slack: config.scheduling.slackManagers } });
  const scheduling = createScheduling({ prisma, clock, roles, events: new EventBus(prisma, quietLogger), config, logger: quietLogger, instanceId: name });
  scheduling.scheduler.setTransport("slack", transport.forReplica(name));
  return scheduling;
}
