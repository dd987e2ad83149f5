import { describe, expect, it } from "vitest";
import { addBusinessDays, concernDeadlines, dayOf } from "./deadlines.js";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("concern deadlines", () => {
  it("keeps only the UTC day of an instant", () => {
    expect(dayOf(new Date("2026-12-01T23:59:59.999Z"))).toEqual(day("2026-12-01"));
  });

  it("skips weekends when counting business days", () => {
    // 2026-12-04 is a Friday.
    expect(addBusinessDays(day("2026-12-04"), 1)).toEqual(day("2026-12-07"));
    expect(addBusinessDays(day("2026-12-04"), 5)).toEqual(day("2026-12-11"));
    // Filed on a Saturday: the five days start on Monday.
    expect(addBusinessDays(day("2026-12-05"), 5)).toEqual(day("2026-12-11"));
    expect(addBusinessDays(day("2026-12-01"), 5)).toEqual(day("2026-12-08"));
  });

  it("sets acknowledgement in business days and resolution in calendar days", () => {
    const deadlines = concernDeadlines(new Date("2026-12-01T10:15:00Z"), { acknowledgeBusinessDays: 5, resolutionDays: 30 });
    expect(deadlines).toEqual({ receivedOn: day("2026-12-01"), acknowledgeBy: day("2026-12-08"), resolveBy: day("2026-12-31") });
  });
});
