import { describe, expect, it } from "vitest";
import { NO_ACTION_NEEDED, parseClosingForm } from "./closing-form.js";

const NOW = new Date("2026-12-01T10:00:00Z");
const ROOT = { rootCause: "The prompt lacked the refund policy." };

describe("closing an incident (10.2)", () => {
  it("needs a corrective action or an explicit none-needed with reason, unless actions exist already", () => {
    expect(parseClosingForm(ROOT, NOW, 0)).toMatchObject({ ok: false, errors: { actionDescription: expect.stringContaining("at least one corrective action") } });
    expect(parseClosingForm(ROOT, NOW, 1)).toEqual({ ok: true, input: { rootCause: ROOT.rootCause, correctiveAction: undefined, noActionReason: undefined } });
    expect(parseClosingForm({ ...ROOT, noActionNeeded: [NO_ACTION_NEEDED] }, NOW, 0)).toMatchObject({ ok: false, errors: { noActionReason: expect.any(String) } });
    expect(parseClosingForm({ ...ROOT, noActionNeeded: [NO_ACTION_NEEDED], noActionReason: "Worked as designed." }, NOW, 0)).toMatchObject({
      ok: true,
      input: { noActionReason: "Worked as designed." },
    });
  });

  it("takes a complete action only, due today or later", () => {
    const action = { actionDescription: "Add the policy", actionOwnerId: "U1", actionDueDate: "2026-12-01" };
    expect(parseClosingForm({ ...ROOT, ...action }, NOW, 0)).toMatchObject({
      ok: true,
      input: { correctiveAction: { description: "Add the policy", ownerId: "U1", dueDate: new Date("2026-12-01T00:00:00Z") } },
    });
    expect(parseClosingForm({ ...ROOT, ...action, actionDueDate: "2026-11-30" }, NOW, 0)).toMatchObject({ ok: false, errors: { actionDueDate: "The due date cannot be in the past" } });
    expect(parseClosingForm({ ...ROOT, actionDescription: "Add the policy" }, NOW, 5)).toMatchObject({ ok: false, errors: { actionOwnerId: expect.any(String), actionDueDate: expect.any(String) } });
    expect(parseClosingForm({ ...ROOT, ...action, noActionNeeded: [NO_ACTION_NEEDED], noActionReason: "x" }, NOW, 0)).toMatchObject({ ok: false, errors: { noActionNeeded: expect.any(String) } });
  });

  it("requires a root cause", () => {
    expect(parseClosingForm({ rootCause: " " }, NOW, 1)).toMatchObject({ ok: false, errors: { rootCause: "Root cause needs at least 5 characters" } });
  });
});
