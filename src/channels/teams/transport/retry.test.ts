import { describe, expect, it } from "vitest";
import { withConnectorRetry } from "./retry.js";

const failure = (statusCode: number) => Object.assign(new Error(`status ${statusCode}`), { statusCode });

function flaky(statuses: number[]) {
  let calls = 0;
  return {
    work: async () => {
      const status = statuses[calls++];
      if (status !== undefined) throw failure(status);
      return "done";
    },
    calls: () => calls,
  };
}

describe("withConnectorRetry", () => {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };

  it("retries 412 and 429 with growing back-off until the call succeeds", async () => {
    delays.length = 0;
    const call = flaky([412, 429, 429]);
    const retried: number[] = [];
    await expect(withConnectorRetry(call.work, { sleep, baseDelayMs: 100, onRetry: (status) => retried.push(status) })).resolves.toBe("done");
    expect(call.calls()).toBe(4);
    expect(retried).toEqual([412, 429, 429]);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[2]).toBeGreaterThanOrEqual(200);
    expect(delays[2]).toBeLessThanOrEqual(400);
  });

  it("gives up after the last attempt with the connector's error", async () => {
    const call = flaky([429, 429, 429, 429, 429]);
    await expect(withConnectorRetry(call.work, { sleep, attempts: 3 })).rejects.toThrow("status 429");
    expect(call.calls()).toBe(3);
  });

  it("leaves other failures (and the 5xx botbuilder retries itself) to the caller at once", async () => {
    for (const status of [400, 403, 404, 502]) {
      const call = flaky([status]);
      await expect(withConnectorRetry(call.work, { sleep })).rejects.toThrow(`status ${status}`);
      expect(call.calls()).toBe(1);
    }
  });
});
