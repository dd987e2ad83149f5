import { describe, expect, it } from "vitest";
import { parseSoaEntryForm } from "./soa-entry-form.js";

describe("SoA entry form", () => {
  it("requires a justification to mark a control not applicable", () => {
    expect(parseSoaEntryForm({ applicable: false, justification: "   " })).toEqual({
      ok: false,
      errors: { justification: expect.stringContaining("Explain why this control is not applicable") },
    });
  });

  it("accepts an applicable control without a justification and trims the text", () => {
    expect(parseSoaEntryForm({ applicable: true, implementation: "  Bot register ", owner: "" })).toEqual({
      ok: true,
      input: { applicable: true, justification: "", implementation: "Bot register", owner: null },
    });
  });

  it("names every field that is wrong", () => {
    const result = parseSoaEntryForm({ justification: "x", owner: "o".repeat(201) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["applicable", "owner"]);
  });
});
