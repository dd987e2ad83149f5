import { describe, expect, it } from "vitest";
import { FormValues, type Form, withValues } from "./form.js";

describe("FormValues", () => {
  it("reads lists sent as arrays (Slack) and as comma-separated text (Teams) alike", () => {
    expect(new FormValues({ roles: ["a", "b"] }).list("roles")).toEqual(["a", "b"]);
    expect(new FormValues({ roles: "a, b," }).list("roles")).toEqual(["a", "b"]);
    expect(new FormValues({}).list("roles")).toEqual([]);
  });

  it("treats an empty text as no answer and reads numbers only when they are numbers", () => {
    const values = new FormValues({ name: "", count: "12", other: "twelve", typed: 3 });
    expect(values.text("name")).toBeUndefined();
    expect(values.number("count")).toBe(12);
    expect(values.number("other")).toBeUndefined();
    expect(values.number("typed")).toBe(3);
  });
});

describe("withValues", () => {
  it("puts what was typed in each field, lists as lists", () => {
    const form: Form = {
      id: "f",
      title: "F",
      submit: "Save",
      fields: [
        { kind: "text", id: "name", label: "Name", initial: "old" },
        { kind: "checkboxes", id: "roles", label: "Roles", options: [{ value: "a", label: "A" }] },
        { kind: "number", id: "count", label: "Count" },
      ],
    };
    const again = withValues(form, new FormValues({ name: "new", roles: "a", count: "4" }));
    expect(again.fields.map((field) => field.initial)).toEqual(["new", ["a"], 4]);
  });
});
