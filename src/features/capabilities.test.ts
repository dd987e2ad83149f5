import { describe, expect, it } from "vitest";
import { CAPABILITIES } from "./capabilities.js";

describe("the capabilities written once", () => {
  it("use each button, form and command name once, so no channel routes a click to the wrong handler", () => {
    const ids = CAPABILITIES.flatMap((capability) => [...Object.keys(capability.actions), ...Object.keys(capability.forms)]);
    const commands = CAPABILITIES.flatMap((capability) => capability.commands.map((command) => command.name));
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(commands.filter((name, index) => commands.indexOf(name) !== index)).toEqual([]);
  });
});
