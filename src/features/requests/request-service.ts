import type { AiSystem, AiToolRequest, RequestDecision } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { withNewReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { ApprovalGate } from "./approval-gates.js";
import { DECISION_CONTROLS, REQUEST_CONTROLS } from "./controls.js";
import { addToRegister } from "./register.js";
import { parseRequestForm, type FieldErrors, type RawRequestForm, type RequestInput } from "./request-form.js";
import { assessRisk } from "./risk-tier.js";
import "./request-events.js";
import { listRegister, type RegisterListing } from "./register-listing.js";
import { vendorIdFor } from "../vendors/vendor-service.js";

export interface RequestServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  registerReviewMonths: number;
  approvalGates?: ApprovalGate[];
}

export type DecisionOutcome = "approved" | "rejected" | "changes_requested";

export type SubmitResult = { ok: true; request: AiToolRequest } | { ok: false; errors: FieldErrors };

export type DecideResult =
  | { kind: "decided"; request: AiToolRequest; decision: RequestDecision; aiSystem: AiSystem | null }
  | { kind: "not_found" }
  | { kind: "forbidden"; message: string }
  | { kind: "reason_required" }
  | { kind: "blocked"; message: string; action?: { label: string; id: string } }
  | { kind: "already_decided"; request: AiToolRequest; decision: RequestDecision | null };

export type ResubmitResult =
  | SubmitResult
  | { ok: false; kind: "not_found" | "not_editable"; message: string };

const MAX_REASON = 1000;

export class RequestService {
  constructor(private readonly deps: RequestServiceDeps) {}

  /** Creates a request from form values. The submission key makes a retried submit return the same request. */
  async submit(actor: Actor, form: RawRequestForm, submissionKey: string): Promise<SubmitResult> {
    const parsed = parseRequestForm(form);
    if (!parsed.ok) return parsed;
    const { prisma, clock, events } = this.deps;

    const existing = await prisma.aiToolRequest.findUnique({ where: { submissionKey } });
    if (existing) return { ok: true, request: existing };

    const request = await withNewReference(this.deps, "REQ", (reference) =>
      prisma.$transaction(async (tx) => {
        const created = await tx.aiToolRequest.create({
          data: {
            createdAt: clock.now(),
            reference,
            submissionKey,
            requesterChannel: actor.channel,
            requesterId: actor.id,
            requesterName: actor.name,
            ...requestFields(parsed.input),
            vendorId: await vendorIdFor(tx, clock, actor, parsed.input.vendor),
            controls: [...REQUEST_CONTROLS],
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
        await events.record(tx, "request.submitted", { request: created }, created.reference);
        return created;
      }),
    );
    void events.deliverPending();
    return { ok: true, request };
  }

  /**
   * Records an approver's decision on one revision of a request. The conditional update on status and revision,
   * and the unique (request, revision) decision, make the first decision win across replicas.
   */
  async decide(
    actor: Actor,
    reference: string,
    revision: number,
    outcome: DecisionOutcome,
    reason?: string,
  ): Promise<DecideResult> {
    const { prisma, clock, events } = this.deps;
    const request = await prisma.aiToolRequest.findUnique({ where: { reference } });
    if (!request) return { kind: "not_found" };
    const refusal = await this.decisionRefusal(actor, request);
    if (refusal) return { kind: "forbidden", message: refusal };
    const trimmedReason = reason?.trim().slice(0, MAX_REASON) || undefined;
    if (outcome !== "approved" && !trimmedReason) return { kind: "reason_required" };

    const result = await prisma.$transaction(async (tx): Promise<DecideResult> => {
      if (outcome === "approved") {
        for (const gate of this.deps.approvalGates ?? []) {
          const blocked = await gate(tx, request);
          if (blocked) return { kind: "blocked", ...blocked };
        }
      }
      const claimed = await tx.aiToolRequest.updateMany({
        where: { id: request.id, status: "pending", revision },
        data: { status: outcome },
      });
      if (claimed.count === 0) return alreadyDecided(tx, events, request.id, revision);

      const decidedAt = clock.now();
      const decision = await tx.requestDecision.create({
        data: {
          requestId: request.id,
          revision,
          outcome,
          deciderChannel: actor.channel,
          deciderId: actor.id,
          deciderName: actor.name,
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
        after: { status: outcome, revision, reason: trimmedReason ?? null },
        controls: DECISION_CONTROLS,
      });
      const aiSystem =
        outcome === "approved" ? await addToRegister(tx, clock, actor, updated, this.deps.registerReviewMonths) : null;
      await events.record(tx, "request.decided", { request: updated, decision, aiSystem }, request.reference);
      return { kind: "decided", request: updated, decision, aiSystem };
    });

    if (result.kind === "decided" || result.kind === "already_decided") void events.deliverPending();
    return result;
  }

  /** The requester edits a request that came back with "changes requested"; it returns to pending as a new revision. */
  async resubmit(actor: Actor, reference: string, form: RawRequestForm): Promise<ResubmitResult> {
    const { prisma, clock, events } = this.deps;
    const request = await prisma.aiToolRequest.findUnique({ where: { reference } });
    if (!request) return { ok: false, kind: "not_found", message: `There is no request ${reference}.` };
    const refusal = await this.editRefusal(actor, request);
    if (refusal) return { ok: false, kind: "not_editable", message: refusal };
    const parsed = parseRequestForm(form);
    if (!parsed.ok) return parsed;

    const updated = await prisma.$transaction(async (tx) => {
      const claimed = await tx.aiToolRequest.updateMany({
        where: { id: request.id, status: "changes_requested", revision: request.revision },
        data: { ...requestFields(parsed.input), vendorId: await vendorIdFor(tx, clock, actor, parsed.input.vendor), status: "pending", revision: request.revision + 1 },
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
    if (!(await this.deps.roles.has(actor, "approver"))) {
      return "Only the AIMS approvers can decide AI tool requests.";
    }
    if (await this.deps.roles.samePerson(actor, { channel: request.requesterChannel, id: request.requesterId })) {
      return "You cannot decide your own request; another approver has to.";
    }
    return null;
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

/**
 * The click lost: someone decided first, or the message it came from is stale (a copy an outage left behind). The
 * request's messages are shown again as the database has them, so a stale copy is repaired by the click itself.
 */
async function alreadyDecided(tx: Tx, events: EventBus, requestId: number, revision: number): Promise<DecideResult> {
  const request = await tx.aiToolRequest.findUniqueOrThrow({ where: { id: requestId } });
  const decision = await tx.requestDecision.findUnique({ where: { requestId_revision: { requestId, revision } } });
  const latest = request.status === "pending" ? null : await tx.requestDecision.findFirst({ where: { requestId }, orderBy: { revision: "desc" } });
  await events.record(tx, "request.redisplayed", { request, decision: latest }, request.reference);
  return { kind: "already_decided", request, decision };
}

function requestFields(input: RequestInput) {
  const risk = assessRisk(input);
  return {
    toolName: input.toolName,
    vendor: input.vendor,
    url: input.url ?? null,
    purpose: input.purpose,
    intendedUsers: input.intendedUsers,
    userCount: input.userCount,
    dataCategories: input.dataCategories,
    customerFacing: input.customerFacing,
    decidesAboutPeople: input.decidesAboutPeople,
    orgRole: input.orgRole,
    riskTier: risk.tier,
    riskReasons: risk.reasons,
  };
}
