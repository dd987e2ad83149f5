import type { Prisma } from "../../db/database.js";
import type { Logger } from "../../log/logger.js";
import { hasUnsealedEvents, sealPending } from "./seal-chain.js";

/** How often each replica looks for committed events to seal; a lost race for the lock just waits for the next look. */
export const SEAL_INTERVAL_MS = 200;

/**
 * Keeps the audit chain sealed shortly after commits. Every replica runs one; the database lock in sealPending lets
 * one of them seal at a time, and whichever looks next picks up what the others left.
 */
export class ChainSealer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly options: { prisma: Prisma; logger: Logger; intervalMs?: number; onSealed?: (longestWaitSeconds: number) => void },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sealQuietly().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, this.options.intervalMs ?? SEAL_INTERVAL_MS);
    this.timer.unref();
  }

  private async sealQuietly(): Promise<void> {
    try {
      // Most looks find nothing: a single read then, not a transaction that holds a connection (the embedded
      // database has one, and requests wait for it).
      if (!(await hasUnsealedEvents(this.options.prisma))) return;
      const result = await sealPending(this.options.prisma);
      if (result.longestWaitMs !== null) this.options.onSealed?.(result.longestWaitMs / 1000);
    } catch (error) {
      // The next look tries again; verification reports events left unsealed for long.
      this.options.logger.warn({ err: error }, "sealing the audit chain failed");
    }
  }
}
