import { describe, expect, it } from "vitest";
import { latestCronFire } from "./cron-fires.js";

const WEEK = 7 * 24 * 3600_000;
const monday9 = "0 9 * * 1";

describe("latestCronFire", () => {
  it("finds Monday 09:00 London in winter (09:00 UTC) and in summer (08:00 UTC)", () => {
    expect(latestCronFire(monday9, "Europe/London", new Date("2026-01-07T12:00:00Z"), WEEK)?.toISOString()).toBe("2026-01-05T09:00:00.000Z");
    expect(latestCronFire(monday9, "Europe/London", new Date("2026-06-10T12:00:00Z"), WEEK)?.toISOString()).toBe("2026-06-08T08:00:00.000Z");
  });

  it("follows the March and October clock changes", () => {
    // Clocks go forward on Sunday 29 March: the Monday after fires at 08:00 UTC, the Monday before at 09:00 UTC.
    expect(latestCronFire(monday9, "Europe/London", new Date("2026-03-30T08:00:30Z"), WEEK)?.toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(latestCronFire(monday9, "Europe/London", new Date("2026-03-30T07:59:00Z"), WEEK)?.toISOString()).toBe("2026-03-23T09:00:00.000Z");
    // Clocks go back on Sunday 25 October: Monday 26 October 09:00 GMT is 09:00 UTC.
    expect(latestCronFire(monday9, "Europe/London", new Date("2026-10-26T08:30:00Z"), WEEK + 3600_000)?.toISOString()).toBe("2026-10-19T08:00:00.000Z");
    expect(latestCronFire(monday9, "Europe/London", new Date("2026-10-26T09:00:00Z"), WEEK)?.toISOString()).toBe("2026-10-26T09:00:00.000Z");
  });

  it("fires once for a local time that happens twice when the clocks go back", () => {
    const daily0130 = "30 1 * * *";
    // 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT) on 25 October; the later one is the latest.
    expect(latestCronFire(daily0130, "Europe/London", new Date("2026-10-25T02:00:00Z"), 3600_000 * 2)?.toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });

  it("gives nothing when the last firing is older than the look-back", () => {
    expect(latestCronFire(monday9, "Europe/London", new Date("2026-01-07T12:00:00Z"), 3600_000)).toBeUndefined();
  });
});
