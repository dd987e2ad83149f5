import type { AiSystem, AiToolRequest } from "../../db/generated/client.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import { nextReference } from "../../core/references.js";
import type { Tx } from "../../core/transaction.js";
import { EXPIRY_CONTROLS, REGISTER_CONTROLS } from "./controls.js";
import { storedClassification } from "../classification/classify.js";
import { vendorIdFor } from "../vendors/vendor-service.js";

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/**
 * Enters an approved request into the AI system register, owned by the requester, due for review in `reviewMonths`,
 * approved until `approvedUntil` (null: no end). An approved renewal extends the entry it renews instead.
 */
export async function addToRegister(
  tx: Tx,
  clock: Clock,
  approver: Actor,
  request: AiToolRequest,
  reviewMonths: number,
  conditions: string[] = [],
  approvedUntil: Date | null = null,
): Promise<AiSystem> {
  const approvedAt = clock.now();
  if (request.renewsSystemId !== null) return renew(tx, clock, approver, request, conditions, approvedUntil);
  const existing = await tx.aiSystem.findUnique({ where: { requestId: request.id } });
  if (existing) {
    // A reopened request approved again: its entry, suspended meanwhile, is active again as now approved.
    const renewed = await tx.aiSystem.update({
      where: { id: existing.id },
      data: { status: "active", approvedAt, approvedUntil, nextReviewAt: addMonths(approvedAt, reviewMonths), conditions, riskTier: request.riskTier, name: request.toolName },
    });
    await recordAudit(tx, clock, {
      actor: approver,
      action: "register.reapproved",
      entityType: "ai_system",
      entityId: renewed.reference,
      before: existing,
      after: renewed,
      controls: REGISTER_CONTROLS,
    });
    return renewed;
  }
  const aiSystem = await tx.aiSystem.create({
    data: {
      createdAt: approvedAt,
      reference: await nextReference(tx, "SYS"),
      requestId: request.id,
      name: request.toolName,
      vendor: request.vendor,
      vendorId: request.vendorId ?? (await vendorIdFor(tx, clock, approver, request.vendor)),
      url: request.url,
      purpose: request.purpose,
      dataCategories: request.dataCategories,
      orgRole: request.orgRole,
      riskTier: request.riskTier,
      aiActOutcome: request.aiActOutcome,
      aiActClassification: request.aiActClassification ?? undefined,
      ownerChannel: request.requesterChannel,
      ownerId: request.requesterId,
      ownerName: request.requesterName,
      approvedAt,
      approvedUntil,
      nextReviewAt: addMonths(approvedAt, reviewMonths),
      conditions,
      // The entry evidences its EU AI Act classification's controls too.
      controls: [...new Set([...REGISTER_CONTROLS, ...(storedClassification(request.aiActClassification)?.controls ?? [])])],
    },
  });
  await recordAudit(tx, clock, {
    actor: approver,
    action: "register.added",
    entityType: "ai_system",
    entityId: aiSystem.reference,
    after: aiSystem,
    controls: REGISTER_CONTROLS,
  });
  return aiSystem;
}

/**
 * An approved renewal: the entry's approval runs on to the end the approvers set or, when they set none, for as long
 * again as it ran before, counted from its old end (or from now, once expired). An expired entry is in use again.
 */
async function renew(tx: Tx, clock: Clock, approver: Actor, request: AiToolRequest, conditions: string[], approvedUntil: Date | null): Promise<AiSystem> {
  const now = clock.now();
  const system = await tx.aiSystem.findUniqueOrThrow({ where: { id: request.renewsSystemId! } });
  const term = system.approvedUntil ? system.approvedUntil.getTime() - system.approvedAt.getTime() : null;
  const from = system.approvedUntil && system.approvedUntil > now ? system.approvedUntil : now;
  const until = approvedUntil ?? (term ? new Date(from.getTime() + term) : null);
  const reactivated = system.status === "expired";
  const renewed = await tx.aiSystem.update({
    where: { id: system.id },
    data: {
      approvedUntil: until,
      ...(conditions.length ? { conditions } : {}),
      ...(reactivated ? { status: "active", statusReason: `Renewed by ${request.reference}`, statusChangedAt: now } : {}),
      controls: [...new Set([...system.controls, ...EXPIRY_CONTROLS])],
    },
  });
  await tx.aiToolRequest.update({ where: { id: request.id }, data: { previousApprovedUntil: system.approvedUntil } });
  await recordAudit(tx, clock, {
    actor: approver,
    action: "register.renewed",
    entityType: "ai_system",
    entityId: system.reference,
    before: { status: system.status, approvedUntil: system.approvedUntil, conditions: system.conditions },
    after: { status: renewed.status, approvedUntil: renewed.approvedUntil, conditions: renewed.conditions, renewal: request.reference },
    controls: EXPIRY_CONTROLS,
  });
  return renewed;
}

/**
 * An approved renewal reopened: it no longer stands, so the entry's approval ends when it did before that renewal. An
 * end already past is left for the expiry scan, which marks the entry expired and tells its owner and users.
 */
export async function withdrawRenewal(tx: Tx, clock: Clock, actor: Actor, request: AiToolRequest, reason: string): Promise<void> {
  if (request.status !== "approved" || request.renewsSystemId === null || request.previousApprovedUntil === null) return;
  const system = await tx.aiSystem.findUniqueOrThrow({ where: { id: request.renewsSystemId } });
  await tx.aiSystem.update({ where: { id: system.id }, data: { approvedUntil: request.previousApprovedUntil } });
  await recordAudit(tx, clock, {
    actor,
    action: "register.renewal_withdrawn",
    entityType: "ai_system",
    entityId: system.reference,
    before: { approvedUntil: system.approvedUntil, renewal: request.reference },
    after: { approvedUntil: request.previousApprovedUntil, reason: `${request.reference} reopened: ${reason}` },
    controls: EXPIRY_CONTROLS,
  });
}

/** A reopened request rejected: its register entry, suspended since the reopening, is retired. */
export async function retireSuspended(tx: Tx, clock: Clock, actor: Actor, request: AiToolRequest): Promise<null> {
  const system = await tx.aiSystem.findUnique({ where: { requestId: request.id } });
  if (system?.status !== "suspended") return null;
  await tx.aiSystem.update({ where: { id: system.id }, data: { status: "retired" } });
  await recordAudit(tx, clock, {
    actor,
    action: "register.retired",
    entityType: "ai_system",
    entityId: system.reference,
    before: { status: system.status },
    after: { status: "retired", reason: `${request.reference} rejected after it was reopened` },
    controls: REGISTER_CONTROLS,
  });
  return null;
}
