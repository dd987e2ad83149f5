import { randomUUID } from "node:crypto";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { Delegation } from "../../db/generated/client.js";
import type { PeopleDirectory } from "../organisation/people-directory.js";
import type { ApprovalPolicy } from "../requests/approval-policy/approval-policy.js";
import { holds, SINGLE_APPROVER_POLICY } from "../requests/approval-stages.js";
import { DELEGATION_CONTROLS } from "./controls.js";
import { personOf } from "./delegated-places.js";
import { recordEndedDelegations } from "./delegation-ends.js";
import { parseDelegationForm, type RawDelegationForm } from "./delegation-form.js";
import "./delegation-events.js";

export interface DelegationServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  people: PeopleDirectory;
  approvalPolicy?: ApprovalPolicy;
}

export type DelegationResult =
  | { kind: "ok"; delegation: Delegation }
  | { kind: "forbidden"; message: string }
  | { kind: "invalid"; errors: Partial<Record<keyof RawDelegationForm, string>> };

export interface DelegationListing {
  /** Current and coming delegations this person made, and those made to them. */
  given: Delegation[];
  received: Delegation[];
}

export const DELEGATION_REFUSALS = {
  notAnApprover: "Only a person who decides an approval stage can name a delegate.",
  notYours: "Only the person who made this delegation can cancel it.",
  alreadyOver: "This delegation has already ended or was cancelled.",
  toSelf: "You cannot delegate to yourself: pick another person.",
  deactivated: "This account is deactivated; it cannot cover for you.",
  overlapping: "You already have a delegation of this for part of that period: cancel it first.",
} as const;
const R = DELEGATION_REFUSALS;

/**
 * Delegations (ISO 42001 A.3.2, A.9.2): an approver names a delegate for a period, such as holiday cover, who then
 * decides the approval stages the approver fills, on the approver's behalf. A delegation counts only between its
 * first moment and its end, both compared with the clock at each decision, so it ends by itself; the delegator may
 * cancel it earlier. Every change is audited and told to the delegate through the outbox.
 */
export class DelegationService {
  constructor(private readonly deps: DelegationServiceDeps) {}

  /** The approval-policy holders (role:approver, group:…) this person fills now: what they may delegate. */
  async delegableHolders(actor: Pick<Actor, "channel" | "id">): Promise<string[]> {
    const policy = this.deps.approvalPolicy ?? SINGLE_APPROVER_POLICY;
    const all = [...new Set(policy.routes.flatMap((route) => route.stages.flatMap((stage) => stage.holders)))];
    const held: string[] = [];
    for (const holder of all) if (await holds(this.deps.prisma, this.deps.roles, actor, holder)) held.push(holder);
    return held;
  }

  async refusal(actor: Pick<Actor, "channel" | "id">): Promise<string | null> {
    return (await this.delegableHolders(actor)).length > 0 ? null : R.notAnApprover;
  }

  async create(actor: Actor, raw: RawDelegationForm): Promise<DelegationResult> {
    const { prisma, clock, events, people } = this.deps;
    const holders = await this.delegableHolders(actor);
    if (holders.length === 0) return { kind: "forbidden", message: R.notAnApprover };
    const now = clock.now();
    const parsed = parseDelegationForm(raw, holders, now);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const input = parsed.input;
    const result = await prisma.$transaction(async (tx): Promise<DelegationResult> => {
      const delegator = await people.ensureIn(tx, actor, actor.name ?? null);
      const delegate = await people.ensureIn(tx, input.delegate, raw.delegate?.name ?? null);
      if (delegate.personId === delegator.personId) return { kind: "invalid", errors: { delegate: R.toSelf } };
      if (delegate.deactivatedAt) return { kind: "invalid", errors: { delegate: R.deactivated } };
      // One delegation of a holder at a time, so "on behalf of" names one person; the delegator's lock serialises it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`aims-delegation:${delegator.personId}`}))`;
      const overlapping = await tx.delegation.findFirst({
        where: { delegatorPersonId: delegator.personId, holder: input.holder, cancelledAt: null, validFrom: { lt: input.validUntil }, validUntil: { gt: input.validFrom } },
      });
      if (overlapping) return { kind: "invalid", errors: { from: R.overlapping } };
      const delegation = await tx.delegation.create({
        data: {
          id: randomUUID(),
          delegatorPersonId: delegator.personId,
          delegatorChannel: actor.channel,
          delegatorId: actor.id,
          delegatorName: delegator.name ?? actor.name ?? null,
          delegatePersonId: delegate.personId,
          delegateChannel: delegate.channel,
          delegateId: delegate.externalId,
          delegateName: delegate.name,
          holder: input.holder,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          reason: input.reason,
          controls: [...DELEGATION_CONTROLS],
          createdAt: now,
        },
      });
      await this.changed(tx, actor, "delegation.created", null, delegation);
      return { kind: "ok", delegation };
    });
    if (result.kind === "ok") void events.deliverPending();
    return result;
  }

  /** The delegator ends a delegation before its last day (or withdraws one not begun yet). */
  async cancel(actor: Actor, id: string): Promise<DelegationResult> {
    const { prisma, clock, events } = this.deps;
    const delegation = await prisma.delegation.findUnique({ where: { id } });
    const personId = await personOf(prisma, actor);
    if (!delegation || !personId || delegation.delegatorPersonId !== personId) return { kind: "forbidden", message: R.notYours };
    const result = await prisma.$transaction(async (tx): Promise<DelegationResult> => {
      const now = clock.now();
      const ended = await tx.delegation.updateMany({ where: { id, cancelledAt: null, validUntil: { gt: now } }, data: { cancelledAt: now, endRecordedAt: now } });
      if (ended.count === 0) return { kind: "forbidden", message: R.alreadyOver };
      const after = await tx.delegation.findUniqueOrThrow({ where: { id } });
      await this.changed(tx, actor, "delegation.cancelled", delegation, after);
      return { kind: "ok", delegation: after };
    });
    if (result.kind === "ok") void events.deliverPending();
    return result;
  }

  /** This person's delegations that still count or are to come, given and received; records any ended meanwhile. */
  async listFor(actor: Pick<Actor, "channel" | "id">): Promise<DelegationListing> {
    const { prisma, clock } = this.deps;
    await recordEndedDelegations(prisma, clock);
    const personId = await personOf(prisma, actor);
    if (!personId) return { given: [], received: [] };
    const current = { cancelledAt: null, validUntil: { gt: clock.now() } };
    const [given, received] = await Promise.all([
      prisma.delegation.findMany({ where: { delegatorPersonId: personId, ...current }, orderBy: { validFrom: "asc" }, take: 20 }),
      prisma.delegation.findMany({ where: { delegatePersonId: personId, ...current }, orderBy: { validFrom: "asc" }, take: 20 }),
    ]);
    return { given, received };
  }

  find(id: string): Promise<Delegation | null> {
    return this.deps.prisma.delegation.findUnique({ where: { id } });
  }

  private async changed(tx: Tx, actor: Actor, action: "delegation.created" | "delegation.cancelled", before: Delegation | null, after: Delegation): Promise<void> {
    await recordAudit(tx, this.deps.clock, { actor, action, entityType: "delegation", entityId: after.id, before, after, controls: DELEGATION_CONTROLS });
    await this.deps.events.record(tx, "delegation.changed", { delegation: after, change: action === "delegation.created" ? "created" : "cancelled" }, `delegation:${after.id}`);
  }
}
