import { describe, expect, it } from "vitest";
import { parseIncidentCommand } from "./incident-command.js";

describe("incident command text", () => {
  it("opens the report form with no arguments", () => {
    expect(parseIncidentCommand("")).toEqual({ kind: "report" });
  });

  it("reads a status change with or without a reference", () => {
    expect(parseIncidentCommand("status inc-0012 Mitigated")).toEqual({ kind: "status", reference: "INC-0012", status: "mitigated" });
    expect(parseIncidentCommand("status resolved")).toEqual({ kind: "status", reference: undefined, status: "resolved" });
  });

  it("refuses an unknown status", () => {
    expect(parseIncidentCommand("status INC-0001 fixed")).toMatchObject({ kind: "invalid" });
    expect(parseIncidentCommand("status INC-0001")).toMatchObject({ kind: "invalid" });
  });

  it("keeps a note's text as typed, spacing included", () => {
    expect(parseIncidentCommand("note INC-0003 Rolled back to  v1.2; watching")).toEqual({
      kind: "note",
      reference: "INC-0003",
      text: "Rolled back to  v1.2; watching",
    });
    expect(parseIncidentCommand("note Customer emailed again")).toEqual({ kind: "note", reference: undefined, text: "Customer emailed again" });
    expect(parseIncidentCommand("note INC-0003")).toMatchObject({ kind: "invalid" });
  });

  it("explains unknown verbs", () => {
    expect(parseIncidentCommand("delete INC-0001")).toMatchObject({ kind: "invalid", message: expect.stringContaining("incident note") });
  });
});
