import { describe, expect, it } from "vitest";
import { ANNEX_A_CONTROLS, ANNEX_A_GROUP_IDS, CONTROL_IDS, type ControlId } from "../../../core/iso42001/controls.js";
import type { OrgRole } from "../../../core/iso42001/org-roles.js";
import { DEFAULT_APPLICABILITY, type DefaultApplicability, type RoleDefault } from "./default-applicability.js";
import { groupByAnnexSection, proposeApplicability, type SoaProposal } from "./propose.js";

const DEVELOPMENT_ONLY: readonly ControlId[] = ["A.6.2.2", "A.6.2.3", "A.6.2.4", "A.7.6"];

function proposalFor(proposals: readonly SoaProposal[], controlId: ControlId): SoaProposal {
  const proposal = proposals.find((candidate) => candidate.controlId === controlId);
  if (!proposal) throw new Error(`no proposal for ${controlId}`);
  return proposal;
}

/** Defaults where every control has the given per-role settings. */
function uniformDefaults(roles: Record<OrgRole, RoleDefault>): Map<ControlId, DefaultApplicability> {
  return new Map(CONTROL_IDS.map((controlId) => [controlId, { controlId, implementation: "Done in chat.", roles }]));
}

describe("proposeApplicability", () => {
  it("proposes one entry per control in catalogue order", () => {
    const proposals = proposeApplicability(["ai_user"]);
    expect(proposals.map((proposal) => proposal.controlId)).toEqual(ANNEX_A_CONTROLS.map((control) => control.id));
  });

  it("marks development-only controls not applicable for a pure AI user, with a justification", () => {
    const proposals = proposeApplicability(["ai_user"]);
    for (const controlId of DEVELOPMENT_ONLY) {
      const proposal = proposalFor(proposals, controlId);
      expect(proposal.applicable, controlId).toBe(false);
      expect(proposal.justification, controlId).toBe(DEFAULT_APPLICABILITY.get(controlId)?.roles.ai_user.justification);
      expect(proposal.implementation, controlId).toBeNull();
      expect(proposal.applicableForRoles, controlId).toEqual([]);
    }
    expect(proposalFor(proposals, "A.6.2.2").justification).toBe(
      "We do not develop AI systems; we acquire them from suppliers, controlled through A.10.3 and A.9.2.",
    );
  });

  it("keeps use, supplier and impact controls applicable for a pure AI user", () => {
    const proposals = proposeApplicability(["ai_user"]);
    for (const controlId of ["A.2.2", "A.5.2", "A.6.2.5", "A.9.2", "A.10.3"] as const) {
      const proposal = proposalFor(proposals, controlId);
      expect(proposal.applicable, controlId).toBe(true);
      expect(proposal.implementation, controlId).toBe(DEFAULT_APPLICABILITY.get(controlId)?.implementation);
      expect(proposal.applicableForRoles, controlId).toEqual(["ai_user"]);
    }
  });

  it("marks every control applicable for an AI producer", () => {
    const proposals = proposeApplicability(["ai_producer"]);
    expect(proposals.filter((proposal) => !proposal.applicable)).toEqual([]);
    expect(proposals.every((proposal) => proposal.implementation && proposal.justification)).toBe(true);
  });

  it("applies a control when any held role needs it and gives only those roles' reasons", () => {
    const proposals = proposeApplicability(["ai_user", "ai_producer"]);
    expect(proposals.every((proposal) => proposal.applicable)).toBe(true);
    const requirements = proposalFor(proposals, "A.6.2.2");
    expect(requirements.applicableForRoles).toEqual(["ai_producer"]);
    expect(requirements.justification).toBe(DEFAULT_APPLICABILITY.get("A.6.2.2")?.roles.ai_producer.justification);
  });

  it("applies a control needed by a provider but not by a user", () => {
    const objectives = proposalFor(proposeApplicability(["ai_user", "ai_provider"]), "A.6.1.2");
    expect(objectives.applicable).toBe(true);
    expect(objectives.applicableForRoles).toEqual(["ai_provider"]);
  });

  it("combines the not-applicable reasons of all held roles when none needs the control", () => {
    const dataPreparation = proposalFor(proposeApplicability(["ai_provider", "ai_user"]), "A.7.6");
    const reasons = DEFAULT_APPLICABILITY.get("A.7.6")!.roles;
    expect(dataPreparation.applicable).toBe(false);
    expect(dataPreparation.justification).toBe(
      `As an AI user: ${reasons.ai_user.justification} As an AI provider: ${reasons.ai_provider.justification}`,
    );
  });

  it("states a reason shared by several roles once, and names the roles when reasons differ", () => {
    const defaults = uniformDefaults({
      ai_user: { applicable: true, justification: "Shared reason." },
      ai_provider: { applicable: true, justification: "Shared reason." },
      ai_producer: { applicable: true, justification: "Own reason." },
    });
    expect(proposeApplicability(["ai_user", "ai_provider"], defaults)[0].justification).toBe("Shared reason.");
    expect(proposeApplicability(["ai_producer", "ai_user", "ai_provider"], defaults)[0].justification).toBe(
      "As an AI user and AI provider: Shared reason. As an AI producer: Own reason.",
    );
  });

  it("ignores repeated roles", () => {
    expect(proposeApplicability(["ai_user", "ai_user"])).toEqual(proposeApplicability(["ai_user"]));
  });

  it("refuses to propose without any role", () => {
    expect(() => proposeApplicability([])).toThrow(/at least one of ai_user, ai_provider, ai_producer/);
  });

  it("refuses a role it does not know", () => {
    expect(() => proposeApplicability(["ai_user", "ai_reseller" as OrgRole])).toThrow(
      /Unknown organisation role ai_reseller/,
    );
  });

  it("refuses defaults that miss a control", () => {
    const defaults = new Map(DEFAULT_APPLICABILITY);
    defaults.delete("A.8.5");
    expect(() => proposeApplicability(["ai_user"], defaults)).toThrow(/control A\.8\.5/);
  });
});

describe("groupByAnnexSection", () => {
  it("groups all proposals into sections A.2..A.10 in order", () => {
    const sections = groupByAnnexSection(proposeApplicability(["ai_user"]));
    expect(sections.map(({ section }) => section.id)).toEqual([...ANNEX_A_GROUP_IDS]);
    expect(sections.map(({ entries }) => entries.length)).toEqual([3, 2, 5, 4, 9, 5, 4, 3, 3]);
    expect(sections[8].section.title).toBe("Third-party and customer relationships");
  });

  it("orders entries by catalogue order, not by text, and leaves out empty sections", () => {
    const entries = (["A.10.2", "A.2.4", "A.9.4", "A.2.2"] as const).map((controlId) => ({ controlId }));
    expect(
      groupByAnnexSection(entries).map(({ section, entries: inSection }) => [
        section.id,
        inSection.map((entry) => entry.controlId),
      ]),
    ).toEqual([
      ["A.2", ["A.2.2", "A.2.4"]],
      ["A.9", ["A.9.4"]],
      ["A.10", ["A.10.2"]],
    ]);
  });
});
