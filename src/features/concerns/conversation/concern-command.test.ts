import { describe, expect, it } from "vitest";
import { readConcernCommand } from "./concern-command.js";

describe("the concern command", () => {
  it("reads a follow-up with its case code however it is typed, and the form otherwise", () => {
    expect(readConcernCommand(" follow-up abcd-efgh jkmn")).toEqual({ kind: "followUp", code: "ABCDEFGHJKMN" });
    expect(readConcernCommand("FOLLOWUP")).toEqual({ kind: "followUp", code: "" });
    expect(readConcernCommand("")).toEqual({ kind: "form" });
    expect(readConcernCommand("followups please")).toEqual({ kind: "form" });
  });
});
