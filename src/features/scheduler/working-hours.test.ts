import { describe, expect, it } from "vitest";
import { addWorkingHours, nextDeliveryTime } from "./working-hours.js";

const nineToFive = { startMinute: 9 * 60, endMinute: 17 * 60, weekends: false };
const at = (iso: string) => new Date(iso);

describe("nextDeliveryTime", () => {
  it("keeps a time inside working hours", () => {
    expect(nextDeliveryTime(at("2026-06-10T10:30:00Z"), "Europe/London", nineToFive).toISOString()).toBe("2026-06-10T10:30:00.000Z");
  });

  it("waits for 09:00 local time, which is 08:00 UTC in British Summer Time", () => {
    expect(nextDeliveryTime(at("2026-06-10T02:00:00Z"), "Europe/London", nineToFive).toISOString()).toBe("2026-06-10T08:00:00.000Z");
  });

  it("moves Friday evening to Monday morning unless weekends are working days", () => {
    const fridayEvening = at("2026-06-12T18:00:00Z");
    expect(nextDeliveryTime(fridayEvening, "Europe/London", nineToFive).toISOString()).toBe("2026-06-15T08:00:00.000Z");
    expect(nextDeliveryTime(fridayEvening, "Europe/London", { ...nineToFive, weekends: true }).toISOString()).toBe("2026-06-13T08:00:00.000Z");
  });

  it("opens at 09:00 local on the day the clocks go forward (London, 29 March 2026)", () => {
    // Saturday 28 March 20:00 GMT; Sunday is skipped, Monday 30 March 09:00 BST is 08:00 UTC.
    expect(nextDeliveryTime(at("2026-03-28T20:00:00Z"), "Europe/London", nineToFive).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    const weekends = { ...nineToFive, weekends: true };
    expect(nextDeliveryTime(at("2026-03-29T00:30:00Z"), "Europe/London", weekends).toISOString()).toBe("2026-03-29T08:00:00.000Z");
  });

  it("opens at 09:00 local on the day the clocks go back (London, 25 October 2026)", () => {
    const weekends = { ...nineToFive, weekends: true };
    expect(nextDeliveryTime(at("2026-10-25T00:30:00Z"), "Europe/London", weekends).toISOString()).toBe("2026-10-25T09:00:00.000Z");
    expect(nextDeliveryTime(at("2026-10-24T07:30:00Z"), "Europe/London", weekends).toISOString()).toBe("2026-10-24T08:00:00.000Z");
  });

  it("uses the recipient's own zone", () => {
    expect(nextDeliveryTime(at("2026-06-10T10:00:00Z"), "America/New_York", nineToFive).toISOString()).toBe("2026-06-10T13:00:00.000Z");
  });
});

describe("addWorkingHours", () => {
  it("counts only working hours: 16 from Friday 15:00 (London, winter) is Tuesday 15:00", () => {
    expect(addWorkingHours(at("2026-12-04T15:00:00Z"), 16, "Europe/London", nineToFive).toISOString()).toBe("2026-12-08T15:00:00.000Z");
  });

  it("starts counting when working hours open and ends exactly at closing time when the hours fit", () => {
    expect(addWorkingHours(at("2026-06-10T02:00:00Z"), 8, "Europe/London", nineToFive).toISOString()).toBe("2026-06-10T16:00:00.000Z");
  });
});
