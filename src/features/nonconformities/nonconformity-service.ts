import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import { withNewReference } from "../../core/references.js";
import type { Tx } from "../../core/transaction.js";
import type { Nonconformity } from "../../db/generated/client.js";
import type { RawCorrectiveActionForm } from "../incidents/corrective-action-form.js";
import { settleOccurrence } from "../reminders/settle.js";
import { EFFECTIVENESS_CHECK_CONTROLS, NONCONFORMITY_CONTROLS } from "./controls.js";
import {
  addNcAction,
  reassignNcActionIn,
  setNcActionStatusIn,
  type ActionReassignResult,
  type ActionStatusResult,
  type AddActionResult,
} from "./nonconformity-actions.js";
import { parseAnalysis, parseCheck, parseRaise, type AnalysisField, type CheckField, type NcSourceKind, type RaiseField } from "./nonconformity-form.js";
import {
  effectivenessCheckItem,
  ncChangeRefusal,
  ncNotFound,
  recordNcChange,
  type NcInvalid,
  type NcRefusal,
  type NonconformityDeps,
  type NonconformityDetails,
} from "./nonconformity-records.js";
import type { RawForm } from "../incidents/form-text.js";

export type RaiseResult = { kind: "raised"; nonconformity: Nonconformity } | NcInvalid | NcRefusal;
export type ChangeResult = { kind: "changed"; nonconformity: Nonconformity } | NcInvalid | NcRefusal;
export type { ActionReassignResult, ActionStatusResult, AddActionResult } from "./nonconformity-actions.js";
export type { NcRefusal, NonconformityDetails } from "./nonconformity-records.js";

/** Where a nonconformity comes from: by hand, or a record (an incident, a concern, an internal audit's finding). */
export interface NcSource {
  kind: NcSourceKind;
  reference?: string;
}

/**
 * Nonconformities and corrective actions (ISO 42001 10.2), channel-neutral. Anyone may raise one and name its owner;
 * its owner and the AIMS owners record the reaction, the root cause, corrective actions (each owned by a person, with
 * a deadline reminded like any other) and, once the last action is done, the check that they worked: effective
 * closes it, not effective reopens it for new actions. Every change is guarded in the database and audited.
 */
export class NonconformityService {
  constructor(private readonly deps: NonconformityDeps) {}

  /** Why this person may not change this nonconformity, or null. */
  changeRefusal(actor: Pick<Actor, "channel" | "id">, nc: Nonconformity): Promise<string | null> {
    return ncChangeRefusal(this.deps.roles, actor, nc);
  }

  /** Why this person may not raise one from `source`, or null: the source must exist and be theirs to act on. */
  async sourceRefusal(actor: Pick<Actor, "channel" | "id">, source: NcSource): Promise<string | null> {
    const { prisma, roles } = this.deps;
    const reference = source.reference?.toUpperCase() ?? "";
    if (source.kind === "incident") {
      const incident = await prisma.incident.findUnique({ where: { reference } });
      if (!incident) return `There is no incident ${reference}.`;
      if (await roles.samePerson(actor, { channel: incident.reporterChannel, id: incident.reporterId })) return null;
      const held = await roles.rolesOf(actor);
      return held.has("owner") || held.has("incident_responder") ? null : `Only the person who reported ${reference}, the AIMS owners and the incident responders can raise a nonconformity from it.`;
    }
    if (source.kind === "concern") {
      const concern = await prisma.concern.findUnique({ where: { reference } });
      if (!concern) return `There is no concern ${reference}.`;
      const held = await roles.rolesOf(actor);
      return held.has("owner") || held.has("triager") ? null : "Only the concern triagers and the AIMS owners can raise a nonconformity from a concern.";
    }
    return null;
  }

  /** The text a nonconformity raised from `source` starts with: the incident's title and containment, the concern's summary. */
  async sourceDraft(source: NcSource): Promise<{ description?: string; reaction?: string }> {
    const reference = source.reference?.toUpperCase() ?? "";
    if (source.kind === "incident") {
      const incident = await this.deps.prisma.incident.findUnique({ where: { reference } });
      return incident ? { description: `${incident.title}: ${incident.description}`, reaction: incident.containment } : {};
    }
    return {};
  }

  /**
   * Raises a nonconformity, owned by `owner`. `submissionKey` makes a retried submit raise one. Raised from an
   * incident, the incident's corrective actions become the nonconformity's too (rows of the one model).
   */
  async raise(actor: Actor, raw: RawForm<RaiseField>, owner: Actor | undefined, source: NcSource, submissionKey: string): Promise<RaiseResult> {
    const { prisma, clock, events } = this.deps;
    const parsed = parseRaise({ ...raw, ownerId: owner?.id ?? "" });
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const refusal = await this.sourceRefusal(actor, source);
    if (refusal) return { kind: "forbidden", message: refusal };
    const existing = await prisma.nonconformity.findUnique({ where: { submissionKey } });
    if (existing) return { kind: "raised", nonconformity: existing };
    const who = owner!;
    const sourceRef = source.kind === "manual" ? null : (source.reference?.toUpperCase() ?? null);
    const nonconformity = await withNewReference(this.deps, "NC", (reference) =>
      prisma.$transaction(async (tx) => {
        const nc = await tx.nonconformity.create({
          data: {
            reference,
            submissionKey,
            sourceKind: source.kind,
            sourceRef,
            description: parsed.input.description,
            reaction: parsed.input.reaction ?? null,
            ownerChannel: who.channel,
            ownerId: who.id,
            ownerName: who.name ?? null,
            raisedByChannel: actor.channel,
            raisedById: actor.id,
            raisedByName: actor.name ?? null,
            controls: [...NONCONFORMITY_CONTROLS],
            createdAt: clock.now(),
          },
        });
        const linked = source.kind === "incident" && sourceRef ? await this.linkIncidentActions(tx, nc.id, sourceRef) : [];
        await recordAudit(tx, clock, {
          actor,
          action: "nonconformity.raised",
          entityType: "nonconformity",
          entityId: reference,
          after: { ...nc, correctiveActions: linked },
          controls: NONCONFORMITY_CONTROLS,
        });
        return recordNcChange(tx, events, nc.id, "raised");
      }),
    );
    void events.deliverPending();
    return { kind: "raised", nonconformity };
  }

  /** The incident's corrective actions not cancelled and not yet another nonconformity's, now this one's too. */
  private async linkIncidentActions(tx: Tx, nonconformityId: number, incidentReference: string): Promise<number[]> {
    const actions = await tx.correctiveAction.findMany({
      where: { incident: { reference: incidentReference }, nonconformityId: null, status: { not: "cancelled" } },
      select: { id: true },
    });
    const ids = actions.map((action) => action.id);
    if (ids.length > 0) await tx.correctiveAction.updateMany({ where: { id: { in: ids }, nonconformityId: null }, data: { nonconformityId } });
    return ids;
  }

  /** Records the immediate reaction and the root cause (10.2 a, b); an empty answer keeps what was recorded. */
  async recordAnalysis(actor: Actor, reference: string, raw: RawForm<AnalysisField>): Promise<ChangeResult> {
    const { prisma, clock, events } = this.deps;
    const found = await this.toChange(actor, reference);
    if ("kind" in found) return found;
    const parsed = parseAnalysis(raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const { nc } = found;
    const data = { reaction: parsed.input.reaction ?? nc.reaction, rootCause: parsed.input.rootCause ?? nc.rootCause };
    if (!data.reaction && !data.rootCause) return { kind: "invalid", errors: { rootCause: "Write the reaction, the root cause or both" } };
    const changed = await prisma.$transaction(async (tx) => {
      const claimed = await tx.nonconformity.updateMany({ where: { id: nc.id, status: { not: "closed" }, updatedAt: nc.updatedAt }, data: { ...data, updatedAt: clock.now() } });
      if (claimed.count === 0) return null;
      await recordAudit(tx, clock, {
        actor,
        action: "nonconformity.analysed",
        entityType: "nonconformity",
        entityId: nc.reference,
        before: { reaction: nc.reaction, rootCause: nc.rootCause },
        after: data,
        controls: NONCONFORMITY_CONTROLS,
      });
      return recordNcChange(tx, events, nc.id, "analysis");
    });
    if (!changed) return { kind: "refused", message: `${nc.reference} changed meanwhile, or is closed: look again.` };
    void events.deliverPending();
    return { kind: "changed", nonconformity: changed };
  }

  addAction(actor: Actor, reference: string, raw: RawCorrectiveActionForm, owner: Actor | undefined): Promise<AddActionResult> {
    return addNcAction(this.deps, actor, reference, raw, owner);
  }

  /** Marks an action done from a button of the nonconformity's view. */
  async markActionDone(actor: Actor, actionId: number): Promise<ActionStatusResult> {
    const result = await this.deps.prisma.$transaction((tx) => setNcActionStatusIn(this.deps, tx, actor, actionId, "done"));
    this.deliverChanges();
    return result;
  }

  setActionStatusIn(tx: Tx, actor: Actor, actionId: number, status: "done" | "cancelled"): Promise<ActionStatusResult> {
    return setNcActionStatusIn(this.deps, tx, actor, actionId, status);
  }

  reassignActionIn(tx: Tx, actor: Actor, actionId: number, owner: Actor, from?: Pick<Actor, "channel" | "id">): Promise<ActionReassignResult> {
    return reassignNcActionIn(this.deps, tx, actor, actionId, owner, from);
  }

  /**
   * Records the effectiveness check (10.2 d): effective closes the nonconformity (its root cause must be on record);
   * not effective reopens it for new corrective actions. Only once every action is done.
   */
  async recordCheck(actor: Actor, reference: string, raw: RawForm<CheckField>): Promise<ChangeResult> {
    const { prisma, clock, events } = this.deps;
    const found = await this.toChange(actor, reference);
    if ("kind" in found) return found;
    const { nc } = found;
    const parsed = parseCheck(raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    if (nc.status !== "checking" || !nc.checkDueAt) return { kind: "refused", message: checkNotDue(nc) };
    const effective = parsed.input.outcome === "effective";
    if (effective && !nc.rootCause) return { kind: "invalid", errors: { outcome: `Record the root cause of ${nc.reference} before closing it` } };
    const checkDueAt = nc.checkDueAt;
    const changed = await prisma.$transaction(async (tx) => {
      const now = clock.now();
      const claimed = await tx.nonconformity.updateMany({
        where: { id: nc.id, status: "checking" },
        data: effective ? { status: "closed", closedAt: now } : { status: "open", checkDueAt: null },
      });
      if (claimed.count === 0) return null;
      const check = await tx.effectivenessCheck.create({
        data: {
          nonconformityId: nc.id,
          effective,
          note: parsed.input.note,
          checkerChannel: actor.channel,
          checkerId: actor.id,
          checkerName: actor.name ?? null,
          checkedAt: now,
          controls: [...EFFECTIVENESS_CHECK_CONTROLS],
        },
      });
      await recordAudit(tx, clock, {
        actor,
        action: effective ? "nonconformity.closed" : "nonconformity.reopened",
        entityType: "nonconformity",
        entityId: nc.reference,
        before: { status: "checking" },
        after: { status: effective ? "closed" : "open", check },
        controls: EFFECTIVENESS_CHECK_CONTROLS,
      });
      await settleOccurrence(tx, events, effectivenessCheckItem({ ...nc, checkDueAt }), { actor, at: now, note: effective ? "Effective" : "Not effective: reopened" });
      return recordNcChange(tx, events, nc.id, effective ? "closed" : "reopened");
    });
    if (!changed) return { kind: "refused", message: `${nc.reference} changed meanwhile: look again.` };
    void events.deliverPending();
    return { kind: "changed", nonconformity: changed };
  }

  /** Gives the nonconformity (and its pending check) to another owner inside `tx`; false when it changed meanwhile. */
  async reassignOwnerIn(tx: Tx, actor: Actor, reference: string, owner: Actor, from: Pick<Actor, "channel" | "id">): Promise<boolean | { refused: string }> {
    const nc = await tx.nonconformity.findUnique({ where: { reference } });
    if (!nc) return false;
    const forbidden = await ncChangeRefusal(this.deps.roles, actor, nc, tx);
    if (forbidden) return { refused: forbidden };
    const claimed = await tx.nonconformity.updateMany({
      where: { id: nc.id, status: { not: "closed" }, ownerChannel: from.channel, ownerId: from.id },
      data: { ownerChannel: owner.channel, ownerId: owner.id, ownerName: owner.name ?? null },
    });
    if (claimed.count === 0) return false;
    await recordAudit(tx, this.deps.clock, {
      actor,
      action: "nonconformity.reassigned",
      entityType: "nonconformity",
      entityId: nc.reference,
      before: { owner: { channel: nc.ownerChannel, id: nc.ownerId } },
      after: { owner: { channel: owner.channel, id: owner.id } },
      controls: NONCONFORMITY_CONTROLS,
    });
    await recordNcChange(tx, this.deps.events, nc.id, "owner");
    return true;
  }

  deliverChanges(): void {
    void this.deps.events.deliverPending();
  }

  /** Nonconformities not closed, oldest first. */
  listOpen(): Promise<Nonconformity[]> {
    return this.deps.prisma.nonconformity.findMany({ where: { status: { not: "closed" } }, orderBy: { id: "asc" }, take: 50 });
  }

  /** Closed nonconformities, newest first (the view shows a few). */
  countClosed(): Promise<number> {
    return this.deps.prisma.nonconformity.count({ where: { status: "closed" } });
  }

  /** The nonconformity with its actions, checks and improvements; owners named as the bot knows them. */
  async details(reference: string): Promise<NonconformityDetails | null> {
    const nc = await this.deps.prisma.nonconformity.findUnique({
      where: { reference: reference.toUpperCase() },
      include: { correctiveActions: { orderBy: { id: "asc" } }, checks: { orderBy: { id: "asc" } }, improvements: { orderBy: { id: "asc" } } },
    });
    if (!nc) return null;
    const [owner] = await this.deps.people.withOwnerNames([nc]);
    return { ...nc, ownerName: owner.ownerName, correctiveActions: await this.deps.people.withOwnerNames(nc.correctiveActions) };
  }

  private async toChange(actor: Actor, reference: string): Promise<{ nc: Nonconformity } | NcRefusal> {
    const nc = await this.deps.prisma.nonconformity.findUnique({ where: { reference: reference.toUpperCase() } });
    if (!nc) return ncNotFound(reference);
    const forbidden = await ncChangeRefusal(this.deps.roles, actor, nc);
    return forbidden ? { kind: "forbidden", message: forbidden } : { nc };
  }
}

function checkNotDue(nc: Nonconformity): string {
  if (nc.status === "closed") return `${nc.reference} is closed, so its record is final.`;
  return `${nc.reference} still has corrective actions to do (or none yet): the effectiveness check comes after the last one is done.`;
}
