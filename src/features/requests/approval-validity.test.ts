import { describe, expect, it } from "vitest";
import { earliestEnd, parseValidity, VALIDITY_ERRORS } from "./approval-validity.js";

const now = new Date("2027-03-15T10:00:00Z");

describe("an approval's validity", () => {
  it("is a period counted from the decision, a date, or no end", () => {
    expect(parseValidity({ validFor: "6" }, now)).toEqual({ ok: true, until: new Date("2027-09-15T10:00:00Z") });
    expect(parseValidity({ validUntil: "2027-12-31" }, now)).toEqual({ ok: true, until: new Date("2027-12-31T00:00:00Z") });
    expect(parseValidity({ validFor: " ", validUntil: "" }, now)).toEqual({ ok: true, until: null });
  });

  it("refuses both at once, a period not offered, an invalid date and a date not after today", () => {
    expect(parseValidity({ validFor: "12", validUntil: "2027-12-31" }, now)).toEqual({ ok: false, errors: { validUntil: VALIDITY_ERRORS.both } });
    expect(parseValidity({ validFor: "7" }, now)).toEqual({ ok: false, errors: { validFor: VALIDITY_ERRORS.period } });
    expect(parseValidity({ validUntil: "2027-02-30" }, now)).toEqual({ ok: false, errors: { validUntil: VALIDITY_ERRORS.notADate } });
    expect(parseValidity({ validUntil: "2027-03-15" }, now)).toEqual({ ok: false, errors: { validUntil: VALIDITY_ERRORS.past } });
    expect(parseValidity({ validUntil: "2027-03-16" }, now).ok).toBe(true);
  });

  it("of several stages ends at the earliest end set", () => {
    expect(earliestEnd([null, new Date("2028-01-01Z"), new Date("2027-06-01Z")])).toEqual(new Date("2027-06-01Z"));
    expect(earliestEnd([null, undefined])).toBeNull();
  });
});
