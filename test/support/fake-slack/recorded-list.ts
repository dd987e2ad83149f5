interface Waiter<T> {
  isSatisfied: (items: readonly T[]) => boolean;
  resolve: () => void;
}

/** An append-only list that tests can wait on: a wait is satisfied by entries already present or added later. */
export class RecordedList<T> {
  readonly items: T[] = [];
  private waiters = new Set<Waiter<T>>();

  constructor(private readonly describe: (item: T) => string) {}

  push(item: T): void {
    this.items.push(item);
    for (const waiter of this.waiters) {
      if (waiter.isSatisfied(this.items)) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Resolves with the first entry matching `predicate`, or rejects after `timeoutMs` listing what was seen. */
  async waitFor(predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    await this.waitUntil((items) => items.some(predicate), timeoutMs, what);
    return this.items.find(predicate) as T;
  }

  /** Resolves with the first `count` entries matching `predicate`. */
  async waitForCount(predicate: (item: T) => boolean, count: number, timeoutMs: number, what: string): Promise<T[]> {
    await this.waitUntil((items) => items.filter(predicate).length >= count, timeoutMs, `${count} x ${what}`);
    return this.items.filter(predicate).slice(0, count);
  }

  private waitUntil(isSatisfied: (items: readonly T[]) => boolean, timeoutMs: number, what: string): Promise<void> {
    if (isSatisfied(this.items)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        isSatisfied,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.items.map(this.describe).join("\n  ") || "(none)";
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Seen:\n  ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
