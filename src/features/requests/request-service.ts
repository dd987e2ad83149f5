import type { AiSystem, AiToolRequest, Delegation, RequestDecision, RequestStageDecision } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import { type Actor, personName } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { withNewReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { ApprovalGate } from "./approval-gates.js";
import type { ApprovalPolicy, ApprovalStage } from "./approval-policy/approval-policy.js";
import { SINGLE_APPROVER_POLICY, holds, holdersOfSlot, openStep, progressOf, type StageProgress, slotsOf, stagesOf } from "./approval-stages.js";
import { earliestEnd } from "./approval-validity.js";
import { DECISION_CONTROLS, REQUEST_CONTROLS } from "./controls.js";
import { addToRegister, retireSuspended } from "./register.js";
import { type LifecycleResult, RequestLifecycle } from "./request-lifecycle.js";
import { RequestRenewal } from "./request-renewal.js";
import { parseRequestForm, type FieldErrors, type RawRequestForm } from "./request-form.js";
import { filedBy, requestFields, routed } from "./request-fields.js";
import { type RequestIntake, withIntake } from "./request-intake.js";
import "./request-events.js";
import { listRegister, type RegisterListing } from "./register-listing.js";
import { moveStageDeadlines, openFirstStageDeadlines, type StageDeadlineHours } from "./stage-deadlines.js";
import { vendorIdFor } from "../vendors/vendor-service.js";
import { coverHeldBy, delegatorOf, lapsedCoverOf } from "../delegations/delegated-places.js";

export interface RequestServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  registerReviewMonths: number;
  approvalGates?: ApprovalGate[];
  /** Questions another capability adds to the form (the EU AI Act classification), checked and stored with it. */
  intake?: RequestIntake;
  /** Who approves what, by risk: the stages each request is routed to. Default: one stage of any approver. */
  approvalPolicy?: ApprovalPolicy;
  /** The working hours stage deadlines are counted in; absent: no stage deadlines are kept. */
  stageDeadlines?: StageDeadlineHours;
}

/** Who took a decision, as messages name them. */
export type Decider = Pick<RequestDecision, "deciderChannel" | "deciderId" | "deciderName"> &
  Partial<Pick<RequestDecision, "onBehalfOfChannel" | "onBehalfOfId" | "onBehalfOfName">>;

export type DecisionOutcome = "approved" | "rejected" | "changes_requested";

export type SubmitResult = { ok: true; request: AiToolRequest } | { ok: false; errors: FieldErrors };

export type DecideResult =
  | { kind: "decided"; request: AiToolRequest; decision: RequestDecision; aiSystem: AiSystem | null }
  /** One stage (or one place of an all-of stage) approved; the request waits for the others. */
  | { kind: "stage_decided"; request: AiToolRequest; stageDecision: RequestStageDecision }
  | { kind: "not_found" }
  | { kind: "forbidden"; message: string }
  | { kind: "reason_required" }
  | { kind: "blocked"; message: string; action?: { label: string; id: string } }
  | { kind: "already_decided"; request: AiToolRequest; decision: Decider | null };

export interface DecideOptions {
  /** The stage the clicked button was for; absent: the first open stage this person may decide. */
  stageId?: string;
  /** What the approval is conditional on ("internal data only"). */
  conditions?: string;
  /** Until when the approval holds (parsed from the approve form, `approval-validity.ts`); absent: no end. */
  validUntil?: Date | null;
}

export type ResubmitResult =
  | SubmitResult
  | { ok: false; kind: "not_found" | "not_editable"; message: string };

const MAX_REASON = 1000;

export class RequestService {
  private readonly lifecycle: RequestLifecycle;
  /** Renewal of an approval that ends: a short request filled from the original, linked to the register entry. */
  readonly renewals: RequestRenewal;

  constructor(private readonly deps: RequestServiceDeps) {
    this.lifecycle = new RequestLifecycle(deps);
    this.renewals = new RequestRenewal(deps);
  }

  /** The requester takes back a request that is not decided yet. */
  withdraw(actor: Actor, reference: string): Promise<LifecycleResult> {
    return this.lifecycle.withdraw(actor, reference);
  }

  /** An AIMS owner sends a decided request back to its approval stages, with a reason. */
  reopen(actor: Actor, reference: string, reason: string): Promise<LifecycleResult> {
    return this.lifecycle.reopen(actor, reference, reason);
  }

  /** Creates a request from form values. The submission key makes a retried submit return the same request. */
  async submit(actor: Actor, form: RawRequestForm, submissionKey: string): Promise<SubmitResult> {
    const parsed = parseRequestForm(form);
    const intake = this.deps.intake?.(actor, form);
    if (!parsed.ok || intake?.ok === false) return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), ...(intake?.ok === false ? intake.errors : {}) } };
    const addition = intake?.addition;
    const { prisma, clock, events } = this.deps;

    const existing = await prisma.aiToolRequest.findUnique({ where: { submissionKey } });
    if (existing) return { ok: true, request: existing };

    const request = await withNewReference(this.deps, "REQ", (reference) =>
      prisma.$transaction(async (tx) => {
        const created = await tx.aiToolRequest.create({
          data: {
            ...filedBy(actor, clock.now(), reference, submissionKey),
            ...routed(withIntake(requestFields(parsed.input), addition), this.deps.approvalPolicy ?? SINGLE_APPROVER_POLICY),
            vendorId: await vendorIdFor(tx, clock, actor, parsed.input.vendor),
            controls: [...new Set([...REQUEST_CONTROLS, ...(addition?.controls ?? [])])],
          },
        });
        await recordAudit(tx, clock, {
          actor,
          action: "request.submitted",
          entityType: "ai_tool_request",
          entityId: created.reference,
          after: created,
          controls: REQUEST_CONTROLS,
        });
        await openFirstStageDeadlines(tx, this.deps, created);
        await events.record(tx, "request.submitted", { request: created }, created.reference);
        return created;
      }),
    );
    void events.deliverPending();
    return { ok: true, request };
  }

  /**
   * Records an approver's decision on one stage of one revision of a request. The request row is locked first (a
   * conditional update on status and revision), and each place of a stage has a unique key, so the first click wins
   * across channels and replicas. A refusal at any stage decides the request; approval of the last stage approves it.
   */
  async decide(
    actor: Actor,
    reference: string,
    revision: number,
    outcome: DecisionOutcome,
    reason?: string,
    options: DecideOptions = {},
  ): Promise<DecideResult> {
    const { prisma, clock, events } = this.deps;
    const request = await prisma.aiToolRequest.findUnique({ where: { reference } });
    if (!request) return { kind: "not_found" };
    const refusal = await this.decisionRefusal(actor, request);
    if (refusal) return { kind: "forbidden", message: refusal };
    const trimmedReason = reason?.trim().slice(0, MAX_REASON) || undefined;
    if (outcome !== "approved" && !trimmedReason) return { kind: "reason_required" };
    const conditions = outcome === "approved" ? options.conditions?.trim().slice(0, MAX_REASON) || undefined : undefined;
    const validUntil = outcome === "approved" ? (options.validUntil ?? null) : null;

    const result = await prisma.$transaction(async (tx): Promise<DecideResult> => {
      if (outcome === "approved") {
        for (const gate of this.deps.approvalGates ?? []) {
          const blocked = await gate(tx, request);
          if (blocked) return { kind: "blocked", ...blocked };
        }
      }
      // Takes the request's row lock: decisions on one request are taken one after the other.
      const locked = await tx.aiToolRequest.updateMany({ where: { id: request.id, status: "pending", revision }, data: { revision } });
      if (locked.count === 0) return alreadyDecided(tx, events, request.id, revision, null);

      const current = await tx.aiToolRequest.findUniqueOrThrow({ where: { id: request.id } });
      const stages = stagesOf(current);
      const taken = await tx.requestStageDecision.findMany({ where: { requestId: request.id, revision }, orderBy: { id: "asc" } });
      const place = await this.placeFor(tx, actor, current, stages, taken, options.stageId);
      if (place.kind === "refused") return { kind: "forbidden", message: place.message };
      if (place.kind === "taken") return alreadyDecided(tx, events, request.id, revision, place.by);
      const onBehalf = onBehalfOf(place.delegation);

      const decidedAt = clock.now();
      const inserted = await tx.requestStageDecision.createMany({
        data: {
          requestId: request.id,
          revision,
          stageId: place.stage.id,
          slot: place.slot,
          outcome,
          deciderChannel: actor.channel,
          deciderId: actor.id,
          deciderName: actor.name,
          ...onBehalf,
          reason: trimmedReason,
          conditions,
          validUntil,
          decidedAt,
          controls: [...DECISION_CONTROLS],
        },
        skipDuplicates: true,
      });
      const stageDecision = await tx.requestStageDecision.findUniqueOrThrow({
        where: { requestId_revision_stageId_slot: { requestId: request.id, revision, stageId: place.stage.id, slot: place.slot } },
      });
      if (inserted.count === 0) return alreadyDecided(tx, events, request.id, revision, stageDecision);
      const decisions = [...taken, stageDecision];

      if (outcome === "approved" && openStep(stages, decisions) !== null) {
        await recordAudit(tx, clock, {
          actor,
          action: "request.stage_approved",
          entityType: "ai_tool_request",
          entityId: request.reference,
          before: { status: "pending", revision },
          after: { status: "pending", revision, stage: place.stage.id, slot: place.slot, conditions: conditions ?? null, validUntil, ...onBehalf },
          controls: DECISION_CONTROLS,
        });
        await moveStageDeadlines(tx, this.deps, current, { actor, at: decidedAt, note: `Approved at the ${place.stage.name} stage`, stageId: place.stage.id });
        await events.record(tx, "request.stage_decided", { request: current, stageDecision }, request.reference);
        return { kind: "stage_decided", request: current, stageDecision };
      }

      await tx.aiToolRequest.update({ where: { id: request.id }, data: { status: outcome } });
      const decision = await tx.requestDecision.create({
        data: {
          requestId: request.id,
          revision,
          outcome,
          deciderChannel: actor.channel,
          deciderId: actor.id,
          deciderName: actor.name,
          ...onBehalf,
          reason: trimmedReason,
          decidedAt,
          controls: [...DECISION_CONTROLS],
        },
      });
      const updated = await tx.aiToolRequest.findUniqueOrThrow({ where: { id: request.id } });
      await recordAudit(tx, clock, {
        actor,
        action: `request.${outcome}`,
        entityType: "ai_tool_request",
        entityId: request.reference,
        before: { status: request.status, revision },
        after: { status: outcome, revision, reason: trimmedReason ?? null, stage: place.stage.id, conditions: conditions ?? null, validUntil, ...onBehalf },
        controls: DECISION_CONTROLS,
      });
      const allConditions = decisions.flatMap((entry) => (entry.outcome === "approved" && entry.conditions ? [entry.conditions] : []));
      const approvedUntil = earliestEnd(decisions.map((entry) => entry.validUntil));
      const aiSystem =
        outcome === "approved"
          ? await addToRegister(tx, clock, actor, updated, this.deps.registerReviewMonths, allConditions, approvedUntil)
          : outcome === "rejected"
            ? await retireSuspended(tx, clock, actor, updated)
            : null;
      await moveStageDeadlines(tx, this.deps, updated, { actor, at: decidedAt, note: `Decided (${outcome.replace("_", " ")}) at the ${place.stage.name} stage`, stageId: place.stage.id });
      await events.record(tx, "request.decided", { request: updated, decision, aiSystem }, request.reference);
      return { kind: "decided", request: updated, decision, aiSystem };
    });

    if (result.kind === "decided" || result.kind === "stage_decided" || result.kind === "already_decided") void events.deliverPending();
    return result;
  }

  /**
   * The place this person decides now: in the stage the button was for, or else the first open stage they may
   * decide. One person decides at most one place of a revision (four eyes across stages).
   */
  private async placeFor(
    tx: Tx,
    actor: Actor,
    request: AiToolRequest,
    stages: ApprovalStage[],
    taken: RequestStageDecision[],
    stageId: string | undefined,
  ): Promise<{ kind: "place"; stage: ApprovalStage; slot: string; delegation?: Delegation } | { kind: "taken"; by: RequestStageDecision } | { kind: "refused"; message: string }> {
    const { roles } = this.deps;
    // A button that names no stage (the App Home, a message from before stages) could land on a stage its clicker
    // never saw once another stage is decided: with several stages, decisions go through the approvals message.
    if (!stageId && stages.length > 1) return { kind: "refused", message: W_USE_APPROVALS_MESSAGE(request.reference) };
    const wanted = stageId ? stages.filter((stage) => stage.id === stageId) : stages;
    if (wanted.length === 0) return { kind: "refused", message: `${request.reference} has no stage "${stageId}"; please use the latest message.` };
    const progress = progressOf(stages, taken);
    for (const decided of taken) {
      if (await decidedBy(roles, tx, decided, actor)) {
        const stage = stages.find((entry) => entry.id === decided.stageId);
        if (stageId === decided.stageId) return { kind: "taken", by: decided };
        return { kind: "refused", message: W_ALREADY_DECIDED_A_STAGE(request.reference, stage?.name ?? decided.stageId) };
      }
    }
    const cover = await this.usableCover(tx, actor, request, taken);
    let heldButTaken: RequestStageDecision | null = null;
    let heldLater: ApprovalStage | null = null;
    for (const stage of wanted) {
      const state = progress.find((entry) => entry.stage.id === stage.id)!;
      for (const slot of slotsOf(stage)) {
        let held = false;
        for (const holder of holdersOfSlot(stage, slot)) {
          if (await holds(tx, roles, actor, holder)) {
            held = true;
            break;
          }
        }
        const delegation = held ? undefined : await coverFor(tx, roles, cover, holdersOfSlot(stage, slot));
        if (!held && !delegation) continue;
        const decided = state.decisions.find((decision) => decision.slot === slot);
        if (decided) heldButTaken ??= decided;
        else if (state.state === "later") heldLater ??= stage;
        else if (state.state === "waiting") return { kind: "place", stage, slot, ...(delegation ? { delegation } : {}) };
      }
    }
    if (heldButTaken) return { kind: "taken", by: heldButTaken };
    if (heldLater) return { kind: "refused", message: W_NOT_YET(request.reference, heldLater.name) };
    return { kind: "refused", message: stageId ? W_NOT_YOURS(wanted[0]!) : ONLY_APPROVERS };
  }

  /**
   * The delegations this person covers now that may decide this request: not for its requester (no one decides
   * their own request, through a delegate neither), nor for an approver who already decided a place of it.
   */
  private async usableCover(tx: Tx | Prisma, actor: Pick<Actor, "channel" | "id">, request: AiToolRequest, taken: RequestStageDecision[]): Promise<Delegation[]> {
    const { roles, clock } = this.deps;
    const usable: Delegation[] = [];
    for (const delegation of await coverHeldBy(tx, actor, clock.now())) {
      const delegator = delegatorOf(delegation);
      if (await roles.samePerson(delegator, { channel: request.requesterChannel, id: request.requesterId }, tx as Tx)) continue;
      let decided = false;
      for (const decision of taken) if (await decidedBy(roles, tx as Tx, decision, delegator)) decided = true;
      if (!decided) usable.push(delegation);
    }
    return usable;
  }

  /** Where every stage of the request's current revision stands, for the approvals message. */
  async progress(request: AiToolRequest): Promise<StageProgress[]> {
    const taken = await this.deps.prisma.requestStageDecision.findMany({ where: { requestId: request.id, revision: request.revision }, orderBy: { id: "asc" } });
    return progressOf(stagesOf(request), taken);
  }

  /** The requester edits a request that came back with "changes requested"; it returns to pending as a new revision. */
  async resubmit(actor: Actor, reference: string, form: RawRequestForm): Promise<ResubmitResult> {
    const { prisma, clock, events } = this.deps;
    const request = await prisma.aiToolRequest.findUnique({ where: { reference } });
    if (!request) return { ok: false, kind: "not_found", message: `There is no request ${reference}.` };
    const refusal = await this.editRefusal(actor, request);
    if (refusal) return { ok: false, kind: "not_editable", message: refusal };
    const parsed = parseRequestForm(form);
    const intake = this.deps.intake?.(actor, form);
    if (!parsed.ok || intake?.ok === false) return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), ...(intake?.ok === false ? intake.errors : {}) } };

    const updated = await prisma.$transaction(async (tx) => {
      const claimed = await tx.aiToolRequest.updateMany({
        where: { id: request.id, status: "changes_requested", revision: request.revision },
        data: { ...routed(withIntake(requestFields(parsed.input), intake?.addition), this.deps.approvalPolicy ?? SINGLE_APPROVER_POLICY), vendorId: await vendorIdFor(tx, clock, actor, parsed.input.vendor), status: "pending", revision: request.revision + 1 },
      });
      if (claimed.count === 0) return null;
      const after = await tx.aiToolRequest.findUniqueOrThrow({ where: { id: request.id } });
      await recordAudit(tx, clock, {
        actor,
        action: "request.resubmitted",
        entityType: "ai_tool_request",
        entityId: request.reference,
        before: request,
        after,
        controls: REQUEST_CONTROLS,
      });
      await moveStageDeadlines(tx, this.deps, after, { actor, at: clock.now(), note: "Resubmitted" });
      await events.record(tx, "request.resubmitted", { request: after }, request.reference);
      return after;
    });
    if (!updated) {
      return {
        ok: false,
        kind: "not_editable",
        message: `${reference} can only be changed after an approver asks for changes.`,
      };
    }
    void events.deliverPending();
    return { ok: true, request: updated };
  }

  /** Why this person may not decide this request, or null if they may. Checked again on every decision. */
  async decisionRefusal(actor: Pick<Actor, "channel" | "id">, request: AiToolRequest): Promise<string | null> {
    let holdsAny = false;
    for (const holder of new Set(stagesOf(request).flatMap((stage) => stage.holders))) {
      if (await holds(this.deps.prisma, this.deps.roles, actor, holder)) {
        holdsAny = true;
        break;
      }
    }
    if (await this.deps.roles.samePerson(actor, { channel: request.requesterChannel, id: request.requesterId })) {
      return holdsAny || (await coverHeldBy(this.deps.prisma, actor, this.deps.clock.now())).length > 0 ? OWN_REQUEST : ONLY_APPROVERS;
    }
    if (holdsAny) return null;
    const cover = await this.usableCover(this.deps.prisma, actor, request, []);
    if (await coverFor(this.deps.prisma, this.deps.roles, cover, stagesOf(request).flatMap((stage) => stage.holders))) return null;
    if (cover.length === 0 && (await coverHeldBy(this.deps.prisma, actor, this.deps.clock.now())).length > 0) return W_NOT_FOR_REQUESTER(request.reference);
    const lapsed = await lapsedCoverOf(this.deps.prisma, actor, this.deps.clock.now());
    return lapsed ? W_COVER_LAPSED(lapsed) : ONLY_APPROVERS;
  }

  /** Why this person may not edit this request now, or null if they may. */
  async editRefusal(actor: Pick<Actor, "channel" | "id">, request: AiToolRequest): Promise<string | null> {
    if (!(await this.deps.roles.samePerson(actor, { channel: request.requesterChannel, id: request.requesterId }))) {
      return "Only the person who made the request can change it.";
    }
    if (request.status !== "changes_requested") {
      return `${request.reference} can only be changed after an approver asks for changes.`;
    }
    return null;
  }

  find(reference: string): Promise<AiToolRequest | null> {
    return this.deps.prisma.aiToolRequest.findUnique({ where: { reference } });
  }

  listFor(actor: Pick<Actor, "channel" | "id">, limit = 20): Promise<AiToolRequest[]> {
    return this.deps.prisma.aiToolRequest.findMany({
      where: { requesterChannel: actor.channel, requesterId: actor.id },
      orderBy: { id: "desc" },
      take: limit,
    });
  }

  listPending(limit = 20): Promise<AiToolRequest[]> {
    return this.deps.prisma.aiToolRequest.findMany({ where: { status: "pending" }, orderBy: { id: "asc" }, take: limit });
  }

  /** The AI system register, optionally searched by name, vendor or reference. */
  register(search?: string): Promise<RegisterListing> {
    return listRegister(this.deps.prisma, this.deps.clock.now(), search);
  }

  latestDecision(requestId: number): Promise<RequestDecision | null> {
    return this.deps.prisma.requestDecision.findFirst({ where: { requestId }, orderBy: { revision: "desc" } });
  }

}

const ONLY_APPROVERS = "Only the AIMS approvers can decide AI tool requests.";
const OWN_REQUEST = "You cannot decide your own request; another approver has to.";
const W_NOT_FOR_REQUESTER = (reference: string) => `You cover for the person who made ${reference}: no one decides their own request, through a delegate neither. Another approver has to.`;
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const W_COVER_LAPSED = (delegation: Delegation) =>
  `${delegation.cancelledAt ? `Your cover for ${personName(delegatorOf(delegation))} was cancelled on ${utc(delegation.cancelledAt)}` : `Your cover for ${personName(delegatorOf(delegation))} ended on ${utc(delegation.validUntil)}`}, so you can no longer decide in their place. ${ONLY_APPROVERS}`;

/** Whether this person took the decision, themselves or through a delegate deciding on their behalf. */
async function decidedBy(roles: Roles, tx: Tx, decision: RequestStageDecision, person: Pick<Actor, "channel" | "id">): Promise<boolean> {
  if (await roles.samePerson(person, { channel: decision.deciderChannel, id: decision.deciderId }, tx)) return true;
  return decision.onBehalfOfChannel !== null && decision.onBehalfOfId !== null && roles.samePerson(person, { channel: decision.onBehalfOfChannel, id: decision.onBehalfOfId }, tx);
}

/** The first delegation of `cover` for one of `holders` whose delegator still fills it: their place is the delegate's to take. */
async function coverFor(tx: Tx | Prisma, roles: Roles, cover: Delegation[], holders: string[]): Promise<Delegation | undefined> {
  for (const delegation of cover) {
    if (holders.includes(delegation.holder) && (await holds(tx, roles, delegatorOf(delegation), delegation.holder))) return delegation;
  }
  return undefined;
}

/** The columns naming the approver a delegate decided for; empty when people decide for themselves. */
function onBehalfOf(delegation: Delegation | undefined) {
  if (!delegation) return {};
  return { onBehalfOfChannel: delegation.delegatorChannel, onBehalfOfId: delegation.delegatorId, onBehalfOfName: delegation.delegatorName, delegationId: delegation.id };
}
const W_ALREADY_DECIDED_A_STAGE = (reference: string, stage: string) =>
  `You already decided the ${stage} stage of ${reference}; another person has to decide the others.`;
const W_USE_APPROVALS_MESSAGE = (reference: string) =>
  `${reference} goes through several approval stages: please decide it on its message in the approvals channel, where each stage has its buttons.`;
const W_NOT_YET = (reference: string, stage: string) => `${reference} is not at the ${stage} stage yet: the stages before it are still open.`;
const W_NOT_YOURS = (stage: ApprovalStage) => `The ${stage.name} stage is decided by ${stage.rule === "anyOf" ? "any of" : "each of"} ${stage.holders.join(", ")}.`;

/**
 * The click lost: someone decided first, or the message it came from is stale (a copy an outage left behind). The
 * request's messages are shown again as the database has them, so a stale copy is repaired by the click itself.
 */
async function alreadyDecided(tx: Tx, events: EventBus, requestId: number, revision: number, by: Decider | null): Promise<DecideResult> {
  const request = await tx.aiToolRequest.findUniqueOrThrow({ where: { id: requestId } });
  const decision = by ?? (await tx.requestDecision.findUnique({ where: { requestId_revision: { requestId, revision } } }));
  const latest = request.status === "pending" ? null : await tx.requestDecision.findFirst({ where: { requestId }, orderBy: { revision: "desc" } });
  await events.record(tx, "request.redisplayed", { request, decision: latest }, request.reference);
  return { kind: "already_decided", request, decision };
}
