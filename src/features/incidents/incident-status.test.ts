import { describe, expect, it } from "vitest";
import { allowedNextStatuses, INCIDENT_STATUSES, transitionRefusal } from "./incident-status.js";

describe("incident lifecycle", () => {
  it("moves forward one step at a time, open → investigating → mitigated → resolved → closed", () => {
    expect(transitionRefusal("INC-0001", "open", "investigating")).toBeNull();
    expect(transitionRefusal("INC-0001", "investigating", "mitigated")).toBeNull();
    expect(transitionRefusal("INC-0001", "mitigated", "resolved")).toBeNull();
    expect(transitionRefusal("INC-0001", "resolved", "closed")).toBeNull();
  });

  it("lets a failed mitigation or a recurrence go back to investigating", () => {
    expect(allowedNextStatuses("mitigated")).toContain("investigating");
    expect(allowedNextStatuses("resolved")).toContain("investigating");
    expect(allowedNextStatuses("investigating")).not.toContain("open");
  });

  it("explains refused transitions", () => {
    expect(transitionRefusal("INC-0007", "open", "resolved")).toBe(
      "INC-0007 is open, so it can move to investigating next, not to resolved.",
    );
    expect(transitionRefusal("INC-0007", "mitigated", "closed")).toBe(
      "INC-0007 is mitigated, so it can move to resolved or investigating next, not to closed.",
    );
    expect(transitionRefusal("INC-0007", "investigating", "investigating")).toBe("INC-0007 is already investigating.");
  });

  it("never leaves closed", () => {
    for (const to of INCIDENT_STATUSES) expect(transitionRefusal("INC-0001", "closed", to)).not.toBeNull();
  });
});
