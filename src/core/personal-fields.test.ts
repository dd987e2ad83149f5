import { describe, expect, it } from "vitest";
import { commitmentsOf, commitPersonalFields, personalFieldProblem, personalValues, withValuesAt } from "./personal-fields.js";

const snapshots = {
  before: null,
  after: { requesterName: "Ada", toolName: "Copilot", decisions: [{ deciderId: "U1", "odd/key": { email: "ada@example.com" } }], owner: { channel: "slack", id: "U2" } },
};

describe("personal fields of audit snapshots", () => {
  it("finds every value under a personal key at any depth, by an escaped path, and not inside one", () => {
    expect([...personalValues(snapshots).entries()]).toEqual([
      ["after/requesterName", "Ada"],
      ["after/decisions/0/deciderId", "U1"],
      ["after/decisions/0/odd~1key/email", "ada@example.com"],
      ["after/owner", { channel: "slack", id: "U2" }],
    ]);
    expect(personalValues({ before: { toolName: "x", requesterName: null }, after: null }).size).toBe(0);
  });

  it("checks a value against its salted commitment, and skips an erased one", () => {
    const fields = commitPersonalFields(snapshots)!;
    expect(Object.keys(commitmentsOf(fields)!)).toHaveLength(4);
    expect(personalFieldProblem(snapshots, fields)).toBeNull();

    const edited = withValuesAt(snapshots, ["after/decisions/0/odd~1key/email"], () => "eve@example.com");
    expect(personalFieldProblem(edited, fields)).toBe("the personal field after/decisions/0/odd~1key/email does not match the value the event committed to");
    const { s: _salt, ...withoutSalt } = fields["after/decisions/0/odd~1key/email"]!;
    expect(personalFieldProblem(edited, { ...fields, "after/decisions/0/odd~1key/email": withoutSalt })).toBeNull();
    expect(snapshots.after.decisions[0]!["odd/key"].email).toBe("ada@example.com");
  });

  it("commits nothing when there is nothing personal", () => {
    expect(commitPersonalFields({ before: { status: "pending" }, after: { status: "approved" } })).toBeNull();
  });
});
