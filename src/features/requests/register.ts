import type { AiSystem, AiToolRequest } from "../../db/generated/client.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import { nextReference } from "../../core/references.js";
import type { Tx } from "../../core/transaction.js";
import { REGISTER_CONTROLS } from "./controls.js";
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

/** Enters an approved request into the AI system register, owned by the requester, due for review in `reviewMonths`. */
export async function addToRegister(
  tx: Tx,
  clock: Clock,
  approver: Actor,
  request: AiToolRequest,
  reviewMonths: number,
): Promise<AiSystem> {
  const approvedAt = clock.now();
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
      ownerChannel: request.requesterChannel,
      ownerId: request.requesterId,
      ownerName: request.requesterName,
      approvedAt,
      nextReviewAt: addMonths(approvedAt, reviewMonths),
      controls: [...REGISTER_CONTROLS],
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
