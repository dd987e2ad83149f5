import type { Json } from "./workspace-state.js";

export interface HoldOptions {
  /** Which call of `method` to hold; the first one by default. */
  match?: (args: Record<string, unknown>) => boolean;
  /**
   * True: Slack carries the call out (the message is posted or updated) and only its answer is held, as when the
   * answer is lost on its way back. False (default): the call waits, not yet carried out.
   */
  applied?: boolean;
  timeoutMs?: number;
}

export interface HeldCall {
  method: string;
  args: Record<string, unknown>;
  /** What Slack answered, when it carried the call out before holding its answer (`applied`). */
  response?: Json;
  /** Carries the call out if it was not yet, and answers it. */
  release(): void;
}

export interface Hold {
  method: string;
  match: (args: Record<string, unknown>) => boolean;
  applied: boolean;
  arrived: (call: HeldCall) => void;
}

/** Calls a test wants left unanswered, to see what the app does while Slack has not answered, or if it dies then. */
export class CallHolds {
  private readonly holds = new Set<Hold>();

  /** Resolves when the call arrives (and is held); rejects when none arrives within `timeoutMs`. */
  holdNext(method: string, options: HoldOptions & { timeoutMs: number }): Promise<HeldCall> {
    return new Promise((resolve, reject) => {
      const hold: Hold = {
        method,
        match: options.match ?? (() => true),
        applied: options.applied ?? false,
        arrived: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.holds.delete(hold);
        reject(new Error(`Timed out after ${options.timeoutMs} ms waiting for a ${method} call to hold`));
      }, options.timeoutMs);
      this.holds.add(hold);
    });
  }

  /** The hold this call falls under, if any; each hold takes one call. */
  take(method: string, args: Record<string, unknown>): Hold | undefined {
    for (const hold of this.holds) {
      if (hold.method === method && hold.match(args)) {
        this.holds.delete(hold);
        return hold;
      }
    }
    return undefined;
  }

  clear(): void {
    this.holds.clear();
  }
}
