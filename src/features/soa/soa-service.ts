import type { SoaEntry, SoaEntryVersion } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import { isControlId, type ControlId } from "../../core/iso42001/controls.js";
import { ORG_ROLE_LABELS, ORG_ROLES, isOrgRole, type OrgRole } from "../../core/iso42001/org-roles.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import { countEvidenceByControl } from "../evidence/evidence-counts.js";
import { proposeApplicability, type SoaProposal } from "./catalog/propose.js";
import { SOA_PROFILE_CONTROLS, soaEntryControls } from "./soa-controls.js";
import { parseSoaEntryForm, type RawSoaEntryForm, type SoaEntryErrors, type SoaEntryInput } from "./soa-entry-form.js";
import { loadOrganisationProfile, loadSoaStatement } from "./load-statement.js";
import { toSoaLine, type OrganisationProfile, type SoaLine, type SoaStatement } from "./statement.js";

export interface SoaServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
}

const FORBIDDEN = "Only the AIMS owner can change the organisation profile and the Statement of Applicability.";

/** What everyone but the AIMS owner is told before the organisation profile exists. */
export const SOA_NOT_SET_UP = "The AIMS owner has not set up the Statement of Applicability yet.";

export type SetRolesResult =
  | {
      kind: "saved";
      profile: OrganisationProfile;
      /** Unreviewed lines that now carry the proposal for the new roles. */
      reproposed: ControlId[];
      /** Reviewed lines whose applicability differs from the new proposal: the AIMS owner should look again. */
      needsReview: ControlId[];
    }
  | { kind: "forbidden"; message: string }
  | { kind: "invalid"; message: string };

export type UpdateEntryResult =
  | { kind: "saved"; line: SoaLine }
  | { kind: "forbidden"; message: string }
  | { kind: "invalid"; errors: SoaEntryErrors }
  | { kind: "not_found"; message: string }
  | { kind: "conflict"; message: string };

/** Serialises changes to the organisation profile, so two first-time setups cannot both seed the SoA. */
const SOA_LOCK = 0x534f4131;

/** Seeding 38 lines is the largest write the SoA makes; give it more than Prisma's default 5 s on a busy embedded database. */
const PROPOSAL_TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

/** The organisation profile and the Statement of Applicability (ISO 42001 4.1, 6.1.3), versioned and audited. */
export class SoaService {
  constructor(private readonly deps: SoaServiceDeps) {}

  canEdit(actor: Pick<Actor, "channel" | "id">): Promise<boolean> {
    return this.deps.roles.has(actor, "owner");
  }

  /** Why this person may not edit the SoA, or null when they may. */
  async editRefusal(actor: Pick<Actor, "channel" | "id">): Promise<string | null> {
    return (await this.canEdit(actor)) ? null : FORBIDDEN;
  }

  profile(): Promise<OrganisationProfile | null> {
    return loadOrganisationProfile(this.deps.prisma);
  }

  /** Why these roles cannot be set by this person, checked without the database; null when they can. */
  async rolesRefusal(actor: Pick<Actor, "channel" | "id">, roles: readonly string[]): Promise<Extract<SetRolesResult, { kind: "forbidden" | "invalid" }> | null> {
    if (!(await this.canEdit(actor))) return { kind: "forbidden", message: FORBIDDEN };
    if (roles.length === 0 || !roles.every(isOrgRole)) {
      return { kind: "invalid", message: `Choose at least one of: ${ORG_ROLES.map((r) => ORG_ROLE_LABELS[r]).join(", ")}.` };
    }
    return null;
  }

  /**
   * Sets the roles the organisation holds. The first time, every control gets the default proposal for those roles;
   * afterwards unreviewed lines follow the new proposal and reviewed ones are kept (and reported when they differ).
   */
  async setOrganisationRoles(actor: Actor, roles: readonly string[]): Promise<SetRolesResult> {
    const refusal = await this.rolesRefusal(actor, roles);
    if (refusal) return refusal;
    const held = ORG_ROLES.filter((role) => roles.includes(role));
    const { prisma, clock } = this.deps;
    return prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SOA_LOCK})`;
      const before = await tx.orgProfile.findUnique({ where: { id: 1 } });
      const now = clock.now();
      const saved = await tx.orgProfile.upsert({
        where: { id: 1 },
        create: { id: 1, roles: held, updatedAt: now, updatedByChannel: actor.channel, updatedById: actor.id },
        update: { roles: held, version: { increment: 1 }, updatedAt: now, updatedByChannel: actor.channel, updatedById: actor.id },
      });
      await recordAudit(tx, clock, {
        actor,
        action: before ? "soa.roles_changed" : "soa.roles_set",
        entityType: "org_profile",
        entityId: 1,
        before: before ? { roles: before.roles } : null,
        after: { roles: held },
        controls: SOA_PROFILE_CONTROLS,
      });
      const outcome = await this.applyProposals(tx, actor, held);
      const profile: OrganisationProfile = {
        roles: saved.roles,
        version: saved.version,
        updatedAt: saved.updatedAt,
        updatedBy: { channel: saved.updatedByChannel, id: saved.updatedById },
      };
      return { kind: "saved" as const, profile, ...outcome };
    }, PROPOSAL_TRANSACTION);
  }

  /**
   * Writes the proposal for the held roles into every line that has not been reviewed yet: new lines and changed
   * unreviewed ones get a new version, all in one batch with one audit event listing them.
   */
  private async applyProposals(tx: Tx, actor: Actor, roles: OrgRole[]) {
    const existing = new Map((await tx.soaEntry.findMany()).map((entry) => [entry.controlId, entry]));
    const change = `Proposed for the organisation's roles: ${roles.map((role) => ORG_ROLE_LABELS[role]).join(", ")}`;
    const now = this.deps.clock.now();
    const by = { updatedAt: now, updatedByChannel: actor.channel, updatedById: actor.id };
    const needsReview: ControlId[] = [];
    const written: Array<{ controlId: ControlId; version: number; fields: SoaEntryInput & { proposed: true; controls: ControlId[] } }> = [];
    for (const proposal of proposeApplicability(roles)) {
      const entry = existing.get(proposal.controlId);
      const fields = { ...proposalFields(proposal), proposed: true as const, controls: soaEntryControls(proposal.controlId) };
      if (entry && !entry.proposed) {
        if (entry.applicable !== proposal.applicable) needsReview.push(proposal.controlId);
      } else if (!entry || !sameContent(entry, fields)) {
        written.push({ controlId: proposal.controlId, version: (entry?.version ?? 0) + 1, fields });
      }
    }
    const created = written.filter((line) => !existing.has(line.controlId));
    const reproposed = written.filter((line) => existing.has(line.controlId));
    await tx.soaEntry.createMany({ data: created.map(({ controlId, version, fields }) => ({ controlId, version, ...fields, ...by })) });
    for (const { controlId, version, fields } of reproposed) {
      await tx.soaEntry.update({ where: { controlId }, data: { ...fields, version, ...by } });
    }
    await tx.soaEntryVersion.createMany({
      data: written.map(({ controlId, version, fields }) => ({
        controlId, version, ...fields, change, changedAt: now, changedByChannel: actor.channel, changedById: actor.id,
      })),
    });
    if (written.length > 0) {
      await recordAudit(tx, this.deps.clock, {
        actor,
        action: "soa.entries_proposed",
        entityType: "soa_statement",
        entityId: 1,
        after: { change, entries: written.map(({ controlId, version, fields }) => ({ controlId, version, applicable: fields.applicable })) },
        controls: [...new Set(written.flatMap((line) => line.fields.controls))],
      });
    }
    return { reproposed: reproposed.map((line) => line.controlId), needsReview };
  }

  statement(): Promise<SoaStatement> {
    return loadSoaStatement(this.deps.prisma);
  }

  async line(controlId: string): Promise<SoaLine | null> {
    if (!isControlId(controlId)) return null;
    const { prisma } = this.deps;
    const entry = await prisma.soaEntry.findUnique({ where: { controlId } });
    if (!entry) return null;
    const evidence = await countEvidenceByControl(prisma);
    return toSoaLine(entry, evidence.get(controlId) ?? 0);
  }

  /**
   * The AIMS owner reviews one line. `expectedVersion` is the version they were shown: if someone changed the line
   * meanwhile, nothing is saved and they are told, so no review silently overwrites another.
   */
  async updateEntry(actor: Actor, controlId: string, form: RawSoaEntryForm, expectedVersion: number): Promise<UpdateEntryResult> {
    if (!(await this.canEdit(actor))) return { kind: "forbidden", message: FORBIDDEN };
    const parsed = parseSoaEntryForm(form);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const notFound = { kind: "not_found" as const, message: `There is no SoA line for ${controlId}; set the organisation's roles first.` };
    if (!isControlId(controlId)) return notFound;
    const { prisma } = this.deps;

    const saved = await prisma.$transaction(async (tx) => {
      const entry = await tx.soaEntry.findUnique({ where: { controlId } });
      if (!entry) return notFound;
      if (entry.version !== expectedVersion) return conflict(controlId);
      const change = entry.proposed ? "Reviewed by the AIMS owner" : "Changed by the AIMS owner";
      const updated = await this.saveVersion(tx, actor, controlId, entry, parsed.input, { proposed: false, change });
      return updated ?? conflict(controlId);
    });
    if ("kind" in saved) return saved;
    const evidence = await countEvidenceByControl(prisma);
    return { kind: "saved", line: toSoaLine(saved, evidence.get(controlId) ?? 0) };
  }

  /** Every version of one line, oldest first. */
  history(controlId: string): Promise<SoaEntryVersion[]> {
    return this.deps.prisma.soaEntryVersion.findMany({ where: { controlId }, orderBy: { version: "asc" } });
  }

  /**
   * Writes the next version of a reviewed line: the line itself (guarded on the version it had), its version row and
   * an audit event, all in the caller's transaction. Returns null when the line moved on meanwhile.
   */
  private async saveVersion(
    tx: Tx,
    actor: Actor,
    controlId: ControlId,
    current: SoaEntry,
    input: SoaEntryInput,
    meta: { proposed: boolean; change: string },
  ): Promise<SoaEntry | null> {
    const { clock } = this.deps;
    const now = clock.now();
    const version = current.version + 1;
    const fields = { ...input, proposed: meta.proposed, controls: soaEntryControls(controlId) };
    const by = { updatedAt: now, updatedByChannel: actor.channel, updatedById: actor.id };
    const claimed = await tx.soaEntry.updateMany({ where: { controlId, version: current.version }, data: { ...fields, version, ...by } });
    if (claimed.count === 0) return null;
    await tx.soaEntryVersion.create({
      data: { controlId, version, ...fields, change: meta.change, changedAt: now, changedByChannel: actor.channel, changedById: actor.id },
    });
    await recordAudit(tx, clock, {
      actor,
      action: "soa.entry_changed",
      entityType: "soa_entry",
      entityId: controlId,
      before: contentOf(current),
      after: { ...input, proposed: meta.proposed, version, change: meta.change },
      controls: fields.controls,
    });
    return tx.soaEntry.findUniqueOrThrow({ where: { controlId } });
  }
}

function proposalFields(proposal: SoaProposal): SoaEntryInput {
  return { applicable: proposal.applicable, justification: proposal.justification, implementation: proposal.implementation, owner: null };
}

function contentOf(entry: SoaEntry): SoaEntryInput & { proposed: boolean; version: number } {
  const { applicable, justification, implementation, owner, proposed, version } = entry;
  return { applicable, justification, implementation, owner, proposed, version };
}

function sameContent(entry: SoaEntry, input: SoaEntryInput): boolean {
  return (
    entry.applicable === input.applicable &&
    entry.justification === input.justification &&
    entry.implementation === input.implementation &&
    entry.owner === input.owner
  );
}

function conflict(controlId: string) {
  return {
    kind: "conflict" as const,
    message: `${controlId} was changed by someone else while you were editing it. Open the SoA again to see the current line.`,
  };
}
