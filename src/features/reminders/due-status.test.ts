import { describe, expect, it } from "vitest";
import { dueStatus, dueStatusText } from "./due-status.js";

const text = (dueAt: string, now: string, zone = "Europe/London") => dueStatusText(dueStatus(new Date(dueAt), new Date(now), zone));

describe("dueStatus", () => {
  it("counts calendar days, not 24-hour periods", () => {
    expect(text("2026-12-05T09:00:00Z", "2026-12-06T08:00:00Z")).toBe("1 day overdue");
    expect(text("2026-12-05T09:00:00Z", "2026-12-08T23:00:00Z")).toBe("3 days overdue");
    expect(text("2026-12-05T09:00:00Z", "2026-12-05T16:00:00Z")).toBe("Due today");
    expect(text("2026-12-05T09:00:00Z", "2026-12-04T23:59:00Z")).toBe("Due in 1 day");
    expect(text("2026-12-19T09:00:00Z", "2026-12-05T10:00:00Z")).toBe("Due in 14 days");
  });

  it("counts days in the owner's timezone", () => {
    // 09:00 UTC on 5 December is 22:00 that day in Auckland; three hours later it is 6 December there.
    expect(text("2026-12-05T09:00:00Z", "2026-12-05T10:00:00Z", "Pacific/Auckland")).toBe("Due today");
    expect(text("2026-12-05T09:00:00Z", "2026-12-05T12:00:00Z", "Pacific/Auckland")).toBe("1 day overdue");
    expect(text("2026-12-05T09:00:00Z", "2026-12-06T01:00:00Z", "America/Los_Angeles")).toBe("Due today");
  });

  it("is not thrown by a clock change", () => {
    expect(text("2026-03-30T09:00:00Z", "2026-03-27T10:00:00Z")).toBe("Due in 3 days");
    expect(text("2026-10-23T09:00:00Z", "2026-10-26T10:00:00Z")).toBe("3 days overdue");
  });
});
