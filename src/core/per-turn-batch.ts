interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Collects what is asked in one turn of the event loop and hands it to `run` together, each caller getting its own
 * result (`run` answers in the order it was given). In a burst a statement per item costs more than the items' work.
 */
export function perTurnBatch<T, R>(run: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let waiting: Waiting<T, R>[] = [];
  const flush = async () => {
    const batch = waiting;
    waiting = [];
    try {
      const results = await run(batch.map((entry) => entry.item));
      for (const [n, entry] of batch.entries()) entry.resolve(results[n] as R);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(() => void flush());
      waiting.push({ item, resolve, reject });
    });
}
