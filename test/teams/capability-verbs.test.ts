import { describe, expect, it } from "vitest";
import { TEAMS_VERBS } from "../../src/channels/teams/verbs.js";
import { CAPABILITIES } from "../../src/features/capabilities.js";

describe("Teams verbs", () => {
  it("of the capabilities written once collide with no verb of Teams' own cards", () => {
    const own = new Set<string>(Object.values(TEAMS_VERBS));
    const capabilityIds = CAPABILITIES.flatMap((capability) => [...Object.keys(capability.actions), ...Object.keys(capability.forms)]);
    expect(capabilityIds.filter((id) => own.has(id))).toEqual([]);
  });
});
