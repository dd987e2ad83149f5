import { describe, expect, it } from "vitest";
import { FormValues } from "../../../conversation/form.js";
import { asksAnonymity, concernForm, readConcernForm } from "./concern-form-view.js";

describe("the concern form", () => {
  it("reads anonymity from the checkbox (Slack list, Teams text) and from the toggle older Teams cards still send", () => {
    expect(asksAnonymity({ anonymous: ["anonymous"] })).toBe(true);
    expect(asksAnonymity({ anonymous: "anonymous" })).toBe(true);
    expect(asksAnonymity({ anonymous: "true" })).toBe(true);
    expect(asksAnonymity({ anonymous: "false" })).toBe(false);
    expect(asksAnonymity({ anonymous: [] })).toBe(false);
    expect(asksAnonymity({})).toBe(false);
  });

  it("offers the register when there is one and reads every field for the shared schema", () => {
    const system = { reference: "AIS-0001", name: "Support bot" } as Parameters<typeof concernForm>[0][number];
    expect(concernForm([]).fields.map((field) => field.id)).toEqual(["description", "aiSystemText", "category", "anonymous"]);
    expect(concernForm([system], "quoted text").fields.map((field) => field.id)).toEqual(["description", "aiSystemReference", "aiSystemText", "category", "anonymous"]);
    const values = new FormValues({ description: "It said X", category: "privacy", aiSystemReference: "AIS-0001", aiSystemText: "", anonymous: [] });
    expect(readConcernForm(values)).toEqual({ description: "It said X", category: "privacy", aiSystemReference: "AIS-0001", aiSystemText: undefined, anonymous: false });
  });
});
