import { describe, expect, it } from "vitest";
import { parseDelegationForm } from "./delegation-form.js";

const NOW = new Date("2027-03-01T09:30:00Z");
const HOLDERS = ["role:approver"];
const valid = { delegate: { channel: "slack" as const, id: "UDANA" }, holder: "role:approver", from: "2027-03-01", until: "2027-03-05", reason: "Holiday cover" };

describe("the delegation form", () => {
  it("runs from now when it starts today, to the end of its last day", () => {
    const parsed = parseDelegationForm(valid, HOLDERS, NOW);
    expect(parsed.ok && [parsed.input.validFrom, parsed.input.validUntil]).toEqual([NOW, new Date("2027-03-06T00:00:00Z")]);
    const later = parseDelegationForm({ ...valid, from: "2027-03-03" }, HOLDERS, NOW);
    expect(later.ok && later.input.validFrom).toEqual(new Date("2027-03-03T00:00:00Z"));
  });

  it("refuses a start in the past, an end before the start, more than 90 days, and what the person does not decide", () => {
    const errors = (raw: Partial<typeof valid>) => {
      const parsed = parseDelegationForm({ ...valid, ...raw }, HOLDERS, NOW);
      return parsed.ok ? {} : parsed.errors;
    };
    expect(errors({ from: "2027-02-28" })).toEqual({ from: "The cover cannot start in the past." });
    expect(errors({ until: "2027-02-28" })).toEqual({ until: "The last day cannot be before the first." });
    expect(errors({ until: "2027-05-29" })).toEqual({});
    expect(errors({ until: "2027-05-30" })).toEqual({ until: "A delegation lasts at most 90 days." });
    expect(errors({ holder: "role:owner" })).toEqual({ holder: "Pick what they decide for you." });
    expect(errors({ reason: " " })).toEqual({ reason: "Say why (holiday cover, for example)." });
  });
});
