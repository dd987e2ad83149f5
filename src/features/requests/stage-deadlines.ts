import type { Actor } from "../../core/actor.js";
import type { EventBus } from "../../core/events.js";
import type { Tx } from "../../core/transaction.js";
import type { AiToolRequest, ApprovalStageDeadline } from "../../db/generated/client.js";
import { settleOccurrence, type DueOccurrence } from "../reminders/settle.js";
import { addWorkingHours, type DeliveryWindow } from "../scheduler/working-hours.js";
import { openStep, progressOf, stagesOf } from "./approval-stages.js";
import { DECISION_CONTROLS } from "./controls.js";

/** The organisation's working hours, in which stage deadlines are counted (AIMS_WORKING_HOURS, AIMS_TIMEZONE). */
export interface StageDeadlineHours {
  zone: string;
  window: DeliveryWindow;
}

export const APPROVAL_STAGE_SOURCE = "approval-stage";

/** A stage's reminders, as an occurrence of the approval-stage reminder source ("REQ-0001/security" at its due time). */
export function stageOccurrence(reference: string, deadline: Pick<ApprovalStageDeadline, "stageId" | "dueAt">): DueOccurrence {
  return { source: APPROVAL_STAGE_SOURCE, itemId: `${reference}/${deadline.stageId}`, dueAt: deadline.dueAt, controls: DECISION_CONTROLS };
}

/**
 * Starts the clock of every stage of the request's open step that has none yet for its revision: due `deadline`
 * working hours after `at`, escalating `escalateAfter` working hours later. Runs in the transaction that opened the
 * step (submission, resubmission, reopening, the approval of the step before); a second call changes nothing.
 */
export async function openStageDeadlines(tx: Tx, hours: StageDeadlineHours, request: AiToolRequest, at: Date, fresh = false): Promise<void> {
  if (request.status !== "pending") return;
  const stages = stagesOf(request);
  const taken = fresh ? [] : await tx.requestStageDecision.findMany({ where: { requestId: request.id, revision: request.revision } });
  const step = openStep(stages, taken);
  if (step === null) return;
  const data = stages
    .filter((stage) => stage.step === step)
    .map((stage) => {
      const dueAt = addWorkingHours(at, stage.deadlineHours, hours.zone, hours.window);
      const escalateAt = addWorkingHours(dueAt, stage.escalateAfterHours, hours.zone, hours.window);
      return { requestId: request.id, revision: request.revision, stageId: stage.id, openedAt: at, dueAt, escalateAt, controls: [...DECISION_CONTROLS] };
    });
  await tx.approvalStageDeadline.createMany({ data, skipDuplicates: true });
}

/**
 * Settles the deadlines of stages that no longer wait for anyone: the stage decided by `by.actor` (`by.stageId`) as
 * done, any other (a parallel stage of a request refused elsewhere, a request withdrawn) as cancelled. Their pending
 * reminders are dropped and those sent are updated, in the deciding transaction.
 */
export async function settleStageDeadlines(
  tx: Tx,
  events: EventBus,
  request: AiToolRequest,
  by: { actor: Actor; at: Date; note: string; stageId?: string },
): Promise<void> {
  const open = await tx.approvalStageDeadline.findMany({ where: { requestId: request.id, settledAt: null } });
  if (open.length === 0) return;
  const taken = await tx.requestStageDecision.findMany({ where: { requestId: request.id, revision: request.revision } });
  const progress = progressOf(stagesOf(request), taken);
  const waiting = (deadline: ApprovalStageDeadline) =>
    request.status === "pending" && deadline.revision === request.revision && progress.some((entry) => entry.stage.id === deadline.stageId && entry.state === "waiting");
  for (const deadline of open.filter((entry) => !waiting(entry))) {
    const { count } = await tx.approvalStageDeadline.updateMany({ where: { id: deadline.id, settledAt: null }, data: { settledAt: by.at } });
    if (count === 0) continue;
    const decided = deadline.stageId === by.stageId && deadline.revision === request.revision;
    await settleOccurrence(tx, events, stageOccurrence(request.reference, deadline), { actor: by.actor, at: by.at, note: by.note, cancelled: !decided });
  }
}

/**
 * For a request created in this transaction: opens its first step's deadlines without reading its decisions or
 * deadlines, which cannot exist yet (submitting is the hot path of a company-wide burst).
 */
export async function openFirstStageDeadlines(tx: Tx, deps: { stageDeadlines?: StageDeadlineHours }, created: AiToolRequest): Promise<void> {
  if (deps.stageDeadlines) await openStageDeadlines(tx, deps.stageDeadlines, created, created.createdAt, true);
}

/**
 * After any change to where a request stands, in its transaction: settles the deadlines of stages no longer waiting
 * and opens those of the step now open. Without working hours configured, no deadlines are kept.
 */
export async function moveStageDeadlines(
  tx: Tx,
  deps: { events: EventBus; stageDeadlines?: StageDeadlineHours },
  request: AiToolRequest,
  by: { actor: Actor; at: Date; note: string; stageId?: string },
): Promise<void> {
  if (!deps.stageDeadlines) return;
  await settleStageDeadlines(tx, deps.events, request, by);
  await openStageDeadlines(tx, deps.stageDeadlines, request, by.at);
}
