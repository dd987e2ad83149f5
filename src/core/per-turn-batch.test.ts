import { describe, expect, it } from "vitest";
import { perTurnBatch } from "./per-turn-batch.js";

describe("perTurnBatch", () => {
  it("hands what is asked in one turn to one run, each caller getting its own result", async () => {
    const runs: number[][] = [];
    const double = perTurnBatch(async (items: number[]) => {
      runs.push(items);
      return items.map((item) => item * 2);
    });
    expect(await Promise.all([double(1), double(2), double(3)])).toEqual([2, 4, 6]);
    expect(await double(4)).toBe(8);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it("fails every caller of a failed run, and the next turn runs again", async () => {
    let fail = true;
    const write = perTurnBatch(async (items: string[]) => {
      if (fail) throw new Error("database gone");
      return items;
    });
    const results = await Promise.allSettled([write("a"), write("b")]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await write("c")).toBe("c");
  });
});
