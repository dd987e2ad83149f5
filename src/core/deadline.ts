export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`not finished within ${ms} ms`);
    this.name = "DeadlineExceeded";
  }
}

/**
 * The work's result if it settles by `at` (a `performance.now()` time), else undefined at `at`. When `at` has passed
 * it still gets what settles without waiting for I/O (a form's field errors). The work goes on either way: it cannot
 * be cancelled.
 */
export function settledBy<T>(work: Promise<T>, at: number): Promise<T | undefined> {
  const ms = at - performance.now();
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  const late = new Promise<undefined>((resolve) => {
    if (ms > 0) timer = setTimeout(resolve, ms, undefined);
    else immediate = setImmediate(resolve, undefined);
  });
  return Promise.race([work, late]).finally(() => {
    clearTimeout(timer);
    clearImmediate(immediate);
  });
}
