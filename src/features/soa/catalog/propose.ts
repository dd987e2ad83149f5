import { ANNEX_A_CONTROLS, ANNEX_A_GROUPS, controlById } from "../../../core/iso42001/controls.js";
import type { AnnexAGroup, ControlId } from "../../../core/iso42001/controls.js";
import { ORG_ROLES, ORG_ROLE_LABELS, isOrgRole, type OrgRole } from "../../../core/iso42001/org-roles.js";
import { DEFAULT_APPLICABILITY, type DefaultApplicabilityCatalogue } from "./default-applicability.js";

/** A proposed Statement of Applicability line for one Annex A control, before anyone has reviewed it. */
export interface SoaProposal {
  readonly controlId: ControlId;
  readonly applicable: boolean;
  readonly justification: string;
  /** How the control is implemented; null when it is proposed as not applicable. */
  readonly implementation: string | null;
  /** The held roles that make the control applicable (empty when it is not applicable). */
  readonly applicableForRoles: readonly OrgRole[];
}

export interface AnnexSectionEntries<Entry> {
  readonly section: AnnexAGroup;
  readonly entries: readonly Entry[];
}

/**
 * One proposal per Annex A control, in catalogue order. A control is applicable when it applies to any role the
 * organisation holds; the justification then gives the reasons of those roles, otherwise the reasons of all held roles.
 */
export function proposeApplicability(
  roles: readonly OrgRole[],
  defaults: DefaultApplicabilityCatalogue = DEFAULT_APPLICABILITY,
): SoaProposal[] {
  const heldRoles = validHeldRoles(roles);
  return ANNEX_A_CONTROLS.map(({ id }) => {
    const entry = defaults.get(id);
    if (!entry) throw new Error(`No default applicability is defined for control ${id}`);
    const applicableForRoles = heldRoles.filter((role) => entry.roles[role].applicable);
    const applicable = applicableForRoles.length > 0;
    const reasonRoles = applicable ? applicableForRoles : heldRoles;
    return {
      controlId: id,
      applicable,
      justification: combineJustifications(reasonRoles.map((role) => [role, entry.roles[role].justification])),
      implementation: applicable ? entry.implementation : null,
      applicableForRoles,
    };
  });
}

/** Entries grouped by Annex A section (A.2..A.10), sections and entries in catalogue order; empty sections left out. */
export function groupByAnnexSection<Entry extends { readonly controlId: ControlId }>(
  entries: readonly Entry[],
): AnnexSectionEntries<Entry>[] {
  const inCatalogueOrder = [...entries].sort((a, b) => catalogueIndex(a.controlId) - catalogueIndex(b.controlId));
  return ANNEX_A_GROUPS.map((section) => ({
    section,
    entries: inCatalogueOrder.filter((entry) => controlById(entry.controlId).group.id === section.id),
  })).filter((group) => group.entries.length > 0);
}

function validHeldRoles(roles: readonly OrgRole[]): OrgRole[] {
  if (roles.length === 0) {
    throw new Error(
      "Cannot propose a Statement of Applicability without the organisation's role: " +
        `choose at least one of ${ORG_ROLES.join(", ")}`,
    );
  }
  const unknown = roles.filter((role) => !isOrgRole(role));
  if (unknown.length > 0) {
    throw new Error(`Unknown organisation role ${unknown.join(", ")}; expected one of ${ORG_ROLES.join(", ")}`);
  }
  return ORG_ROLES.filter((role) => roles.includes(role));
}

/** One reason when the roles agree; otherwise each distinct reason prefixed with the roles that give it. */
function combineJustifications(reasons: ReadonlyArray<readonly [OrgRole, string]>): string {
  const rolesByReason = new Map<string, OrgRole[]>();
  for (const [role, reason] of reasons) rolesByReason.set(reason, [...(rolesByReason.get(reason) ?? []), role]);
  if (rolesByReason.size === 1) return [...rolesByReason.keys()][0];
  return [...rolesByReason]
    .map(([reason, roles]) => `As an ${roles.map((role) => ORG_ROLE_LABELS[role]).join(" and ")}: ${reason}`)
    .join(" ");
}

const CATALOGUE_INDEX: ReadonlyMap<ControlId, number> = new Map(
  ANNEX_A_CONTROLS.map((control, index) => [control.id, index]),
);

function catalogueIndex(controlId: ControlId): number {
  const index = CATALOGUE_INDEX.get(controlId);
  if (index === undefined) throw new Error(`Unknown Annex A control ${String(controlId)}`);
  return index;
}
