import { describe, expect, it } from "vitest";
import { oneAtATime } from "./one-at-a-time.js";

describe("oneAtATime", () => {
  it("runs work for one key in order, other keys alongside, and goes on after a failure", async () => {
    const queue = oneAtATime();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue("a", async () => {
      await gate;
      order.push("a1");
    });
    const failing = queue("a", async () => {
      order.push("a2");
      throw new Error("boom");
    });
    const third = queue("a", async () => {
      order.push("a3");
    });
    await queue("b", async () => {
      order.push("b1");
    });
    expect(order).toEqual(["b1"]);
    release();
    await first;
    await expect(failing).rejects.toThrow("boom");
    await third;
    expect(order).toEqual(["b1", "a1", "a2", "a3"]);
  });
});
