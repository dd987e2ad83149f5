import { describe, expect, it } from "vitest";
import { nextReassessmentDate } from "./next-review.js";

describe("nextReassessmentDate", () => {
  const completedAt = new Date("2025-01-15T10:30:00Z");

  it.each([
    ["low", "2026-01-15T10:30:00.000Z"],
    ["medium", "2026-01-15T10:30:00.000Z"],
    ["high", "2025-07-15T10:30:00.000Z"],
    ["critical", "2025-04-15T10:30:00.000Z"],
  ] as const)("uses the default interval for %s", (level, expected) => {
    expect(nextReassessmentDate(level, completedAt).toISOString()).toBe(expected);
  });

  it("clamps to the end of a shorter month", () => {
    expect(nextReassessmentDate("high", new Date("2025-08-31T00:00:00Z")).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });

  it("accepts organisation-specific intervals and refuses nonsense", () => {
    const intervals = { low: 24, medium: 12, high: 3, critical: 1 };
    expect(nextReassessmentDate("critical", completedAt, intervals).toISOString()).toBe("2025-02-15T10:30:00.000Z");
    expect(() => nextReassessmentDate("low", completedAt, { ...intervals, low: 0 })).toThrow(RangeError);
    expect(() => nextReassessmentDate("low", new Date("nope"))).toThrow(RangeError);
  });
});
