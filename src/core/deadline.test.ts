import { describe, expect, it } from "vitest";
import { settledBy } from "./deadline.js";

const resolvesIn = (ms: number, value: string) => new Promise<string>((resolve) => setTimeout(resolve, ms, value));

describe("settledBy", () => {
  it("gives the work's result when it settles in time", async () => {
    expect(await settledBy(resolvesIn(1, "saved"), performance.now() + 1_000)).toBe("saved");
  });

  it("gives undefined at the deadline, and the work goes on", async () => {
    const work = resolvesIn(50, "saved");
    expect(await settledBy(work, performance.now() + 5)).toBeUndefined();
    expect(await work).toBe("saved");
  });

  it("past the deadline still gives what settles without waiting for I/O, such as field errors", async () => {
    const validated = (async () => "field errors")();
    expect(await settledBy(validated, performance.now() - 1)).toBe("field errors");
    expect(await settledBy(resolvesIn(5, "saved"), performance.now() - 1)).toBeUndefined();
  });
});
