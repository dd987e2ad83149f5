import type { Prisma } from "../../db/database.js";
import { ANNEX_A_CONTROLS, CLAUSES } from "../../core/iso42001/controls.js";
import { countEvidenceByControl } from "../evidence/evidence-counts.js";
import { toSoaLine, type OrganisationProfile, type SoaStatement } from "./statement.js";

type SoaReader = Pick<Prisma, "orgProfile" | "soaEntry" | "$queryRawUnsafe">;

export async function loadOrganisationProfile(db: Pick<Prisma, "orgProfile">): Promise<OrganisationProfile | null> {
  const row = await db.orgProfile.findUnique({ where: { id: 1 } });
  if (!row) return null;
  return {
    roles: row.roles,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: { channel: row.updatedByChannel, id: row.updatedById },
  };
}

/** The SoA as it stands, in catalogue order, with how many records evidence each control and clause (all time). */
export async function loadSoaStatement(db: SoaReader): Promise<SoaStatement> {
  const profile = await loadOrganisationProfile(db);
  const entries = await db.soaEntry.findMany();
  const evidence = await countEvidenceByControl(db);
  const byId = new Map(entries.map((entry) => [entry.controlId, entry]));
  const lines = ANNEX_A_CONTROLS.flatMap(({ id }) => {
    const entry = byId.get(id);
    return entry ? [toSoaLine(entry, evidence.get(id) ?? 0)] : [];
  });
  // Like the lines, the clauses wait for the organisation's roles: until then there is no statement to show.
  const clauses = profile ? CLAUSES.filter((clause) => clause.evidenceRecordTypes.length > 0).map(({ id, topic }) => ({ id, topic, evidenceCount: evidence.get(id) ?? 0 })) : [];
  return { profile, lines, clauses };
}
