import { describe, expect, it } from "vitest";
import { SlackSendQueue, type Timer } from "./send-queue.js";

function virtualTimer(): Timer & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += ms;
    },
  };
}

const rateLimited = (retryAfter: number) => Object.assign(new Error("rate limited"), { code: "slack_webapi_rate_limited_error", retryAfter });

describe("SlackSendQueue", () => {
  it("spaces messages to one channel and keeps their order", async () => {
    const timer = virtualTimer();
    const queue = new SlackSendQueue({ timer, perChannelIntervalMs: 1000 });
    const sent: { text: string; at: number }[] = [];
    await Promise.all(["a", "b", "c"].map((text) => queue.send("C1", async () => sent.push({ text, at: timer.now() }))));
    expect(sent).toEqual([
      { text: "a", at: 0 },
      { text: "b", at: 1000 },
      { text: "c", at: 2000 },
    ]);
  });

  it("does not make one channel wait for another", async () => {
    const timer = virtualTimer();
    const queue = new SlackSendQueue({ timer, perChannelIntervalMs: 1000 });
    const at: number[] = [];
    await Promise.all(["U1", "U2", "U3"].map((channel) => queue.send(channel, async () => at.push(timer.now()))));
    expect(at).toEqual([0, 0, 0]);
  });

  it("honours Retry-After on a 429 and then sends the same message", async () => {
    const timer = virtualTimer();
    const queue = new SlackSendQueue({ timer, perChannelIntervalMs: 1000 });
    let calls = 0;
    const value = await queue.send("C1", async () => {
      calls += 1;
      if (calls === 1) throw rateLimited(30);
      return timer.now();
    });
    expect(calls).toBe(2);
    expect(value).toBe(30_000);
  });

  it("gives up after too many 429s and passes other errors straight through", async () => {
    const timer = virtualTimer();
    const queue = new SlackSendQueue({ timer, perChannelIntervalMs: 0, maxRateLimitRetries: 2 });
    await expect(queue.send("C1", async () => Promise.reject(rateLimited(1)))).rejects.toThrow("rate limited");
    await expect(queue.send("C2", async () => Promise.reject(new Error("channel_not_found")))).rejects.toThrow("channel_not_found");
    await expect(queue.send("C1", async () => "after a failure")).resolves.toBe("after a failure");
  });
});
