export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`not finished within ${ms} ms`);
    this.name = "DeadlineExceeded";
  }
}

/**
 * Waits for `work` at most `ms`. The work itself goes on after the deadline (it cannot be cancelled), so use this
 * only for idempotent work whose caller must answer in time, such as saving a Slack modal before its 3-second ack.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
