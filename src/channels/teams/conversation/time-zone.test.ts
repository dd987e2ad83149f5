import { describe, expect, it } from "vitest";
import { dateTimeValue, nowInputs, timeZoneOf } from "./time-zone.js";

describe("detection time from a Teams card", () => {
  it("reads date and time in the person's zone and gives one instant", () => {
    expect(new Date(dateTimeValue("2026-07-01", "09:30", "Europe/London")!).toISOString()).toBe("2026-07-01T08:30:00.000Z");
    expect(new Date(dateTimeValue("2026-12-01", "09:30", "Europe/London")!).toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(dateTimeValue(undefined, "09:30", "UTC")).toBeUndefined();
    expect(dateTimeValue("not a date", "09:30", "UTC")).toBeUndefined();
  });

  it("takes the zone from localTimezone or clientInfo, falling back to UTC for unknown zones", () => {
    expect(timeZoneOf({ localTimezone: "Asia/Tokyo" })).toBe("Asia/Tokyo");
    expect(timeZoneOf({ entities: [{ type: "clientInfo", timezone: "Europe/Paris" }] })).toBe("Europe/Paris");
    expect(timeZoneOf({ localTimezone: "Mars/Olympus" })).toBe("UTC");
    expect(nowInputs(new Date("2026-12-01T23:30:00Z"), "Asia/Tokyo")).toEqual({ date: "2026-12-02", time: "08:30" });
  });
});
