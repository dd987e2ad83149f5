import type { AiToolRequest } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../../core/storable-text.js";
import { DECISION_CONTROLS, REGISTER_CONTROLS, REQUEST_CONTROLS } from "./controls.js";
import "./request-events.js";
import { withdrawRenewal } from "./register.js";
import { moveStageDeadlines, type StageDeadlineHours } from "./stage-deadlines.js";

export type LifecycleResult =
  | { kind: "done"; request: AiToolRequest }
  | { kind: "not_found"; message: string }
  | { kind: "forbidden"; message: string }
  | { kind: "refused"; message: string }
  | { kind: "reason_required"; message: string };

const MAX_REASON = 1000;
/** What may be withdrawn: not yet decided for good. */
const WITHDRAWABLE = ["pending", "changes_requested"] as const;
/** What an owner may reopen: every decided state. */
const REOPENABLE = ["approved", "rejected", "changes_requested", "withdrawn"] as const;

export const LIFECYCLE_WORDING = {
  notFound: (reference: string) => `There is no request ${reference}.`,
  onlyRequester: "Only the person who made the request can withdraw it.",
  notWithdrawable: (reference: string, status: string) => `${reference} is ${status} and can no longer be withdrawn.`,
  onlyOwners: "Only the AIMS owners can reopen a decided request.",
  notReopenable: (reference: string) => `${reference} is still pending: there is nothing to reopen.`,
  reasonRequired: "Please give a reason for reopening it.",
} as const;
const W = LIFECYCLE_WORDING;

/**
 * Withdraw and reopen (ISO 42001 A.9.2, A.6.2.5): the requester takes back a request not yet decided; an AIMS owner
 * sends a decided one back to its approval stages, as a new revision, with a reason. An approved system reopened is
 * suspended in the register until the request is decided again. Guarded updates, audited, told through the outbox.
 */
export class RequestLifecycle {
  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; events: EventBus; stageDeadlines?: StageDeadlineHours }) {}

  async withdraw(actor: Actor, reference: string): Promise<LifecycleResult> {
    const { prisma, clock, events, roles } = this.deps;
    const request = await prisma.aiToolRequest.findUnique({ where: { reference } });
    if (!request) return { kind: "not_found", message: W.notFound(reference) };
    if (!(await roles.samePerson(actor, { channel: request.requesterChannel, id: request.requesterId }))) {
      return { kind: "forbidden", message: W.onlyRequester };
    }
    const result = await prisma.$transaction(async (tx): Promise<LifecycleResult> => {
      const claimed = await tx.aiToolRequest.updateMany({
        where: { id: request.id, status: { in: [...WITHDRAWABLE] } },
        data: { status: "withdrawn" },
      });
      const now = await tx.aiToolRequest.findUniqueOrThrow({ where: { id: request.id } });
      if (claimed.count === 0) return { kind: "refused", message: W.notWithdrawable(reference, now.status.replace("_", " ")) };
      await recordAudit(tx, clock, {
        actor,
        action: "request.withdrawn",
        entityType: "ai_tool_request",
        entityId: reference,
        before: { status: request.status, revision: request.revision },
        after: { status: "withdrawn", revision: now.revision },
        controls: REQUEST_CONTROLS,
      });
      await moveStageDeadlines(tx, this.deps, now, { actor, at: clock.now(), note: "Withdrawn by the requester" });
      await events.record(tx, "request.withdrawn", { request: now }, reference);
      return { kind: "done", request: now };
    });
    if (result.kind === "done") void events.deliverPending();
    return result;
  }

  async reopen(actor: Actor, reference: string, rawReason: string): Promise<LifecycleResult> {
    const { prisma, clock, events, roles } = this.deps;
    if (!(await roles.has(actor, "owner"))) return { kind: "forbidden", message: W.onlyOwners };
    const reason = rawReason.trim().slice(0, MAX_REASON);
    if (!reason) return { kind: "reason_required", message: W.reasonRequired };
    if (!isStorableText(reason)) return { kind: "reason_required", message: UNSTORABLE_TEXT_MESSAGE };
    const request = await prisma.aiToolRequest.findUnique({ where: { reference } });
    if (!request) return { kind: "not_found", message: W.notFound(reference) };
    const result = await prisma.$transaction(async (tx): Promise<LifecycleResult> => {
      const claimed = await tx.aiToolRequest.updateMany({
        where: { id: request.id, status: { in: [...REOPENABLE] }, revision: request.revision },
        data: { status: "pending", revision: request.revision + 1 },
      });
      if (claimed.count === 0) return { kind: "refused", message: W.notReopenable(reference) };
      const now = await tx.aiToolRequest.findUniqueOrThrow({ where: { id: request.id } });
      await recordAudit(tx, clock, {
        actor,
        action: "request.reopened",
        entityType: "ai_tool_request",
        entityId: reference,
        before: { status: request.status, revision: request.revision },
        after: { status: "pending", revision: now.revision, reason },
        controls: DECISION_CONTROLS,
      });
      const system = await tx.aiSystem.findUnique({ where: { requestId: request.id } });
      if (system && system.status === "active") {
        await tx.aiSystem.update({ where: { id: system.id }, data: { status: "suspended" } });
        await recordAudit(tx, clock, {
          actor,
          action: "register.suspended",
          entityType: "ai_system",
          entityId: system.reference,
          before: { status: system.status },
          after: { status: "suspended", reason: `${reference} reopened: ${reason}` },
          controls: REGISTER_CONTROLS,
        });
      }
      await withdrawRenewal(tx, clock, actor, request, reason);
      await moveStageDeadlines(tx, this.deps, now, { actor, at: clock.now(), note: `Reopened: ${reason}` });
      await events.record(tx, "request.reopened", { request: now, reason, by: { channel: actor.channel, id: actor.id, name: actor.name ?? null } }, reference);
      return { kind: "done", request: now };
    });
    if (result.kind === "done") void events.deliverPending();
    return result;
  }
}
