import type { SoaEntry } from "../../db/generated/client.js";
import { controlById, type AnnexAControl, type ControlId } from "../../core/iso42001/controls.js";
import type { OrgRole } from "../../core/iso42001/org-roles.js";

/** The organisation profile: the roles it holds towards AI, and who set them when. */
export interface OrganisationProfile {
  roles: OrgRole[];
  version: number;
  updatedAt: Date;
  updatedBy: { channel: "slack" | "teams"; id: string };
}

/** One line of the Statement of Applicability as people and auditors read it. */
export interface SoaLine {
  controlId: ControlId;
  control: AnnexAControl;
  applicable: boolean;
  justification: string;
  implementation: string | null;
  owner: string | null;
  /** Still the default proposal, not yet reviewed by the AIMS owner. */
  proposed: boolean;
  version: number;
  updatedAt: Date;
  updatedBy: { channel: string; id: string } | null;
  /** Records the bot holds whose controls include this one, across every record type. */
  evidenceCount: number;
}

/** A management-system clause the bot keeps records for (9.2 internal audits, 10.2 nonconformities ...). */
export interface ClauseEvidence {
  id: string;
  topic: string;
  evidenceCount: number;
}

export interface SoaStatement {
  profile: OrganisationProfile | null;
  /** In catalogue order; empty until the organisation profile is set. */
  lines: SoaLine[];
  /** The clauses some kind of record evidences, in catalogue order, with how many records do. */
  clauses: ClauseEvidence[];
}

export function toSoaLine(entry: SoaEntry, evidenceCount: number): SoaLine {
  const control = controlById(entry.controlId);
  if (!control) throw new Error(`The SoA holds an unknown control ${entry.controlId}`);
  return {
    controlId: control.id,
    control,
    applicable: entry.applicable,
    justification: entry.justification,
    implementation: entry.implementation,
    owner: entry.owner,
    proposed: entry.proposed,
    version: entry.version,
    updatedAt: entry.updatedAt,
    updatedBy: entry.updatedByChannel && entry.updatedById ? { channel: entry.updatedByChannel, id: entry.updatedById } : null,
    evidenceCount,
  };
}
