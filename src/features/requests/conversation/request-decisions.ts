import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import type { ActionValue, Button, Message } from "../../../conversation/message.js";
import type { StageProgress } from "../approval-stages.js";
import { REQUEST_IDS } from "./request-ids.js";
import { approvalView, decisionTargets } from "./request-views.js";
import { REQUEST_WORDING as W } from "./request-wording.js";

/** What every decision button carries: which request, the revision the approver saw, and the stage when it has several. */
export interface DecisionTarget {
  reference: string;
  revision: number;
  stageId?: string;
}

/** The decision a button (or the form it led to) is about, or null when its value is not one the bot wrote. */
export function decisionTarget(value: ActionValue | Record<string, unknown>): DecisionTarget | null {
  const reference = typeof value.reference === "string" && /^REQ-\d+$/.test(value.reference) ? value.reference : null;
  const revision = Number(value.revision);
  if (!reference || !Number.isInteger(revision) || revision <= 0) return null;
  const stageId = typeof value.stageId === "string" && /^[a-z][a-z0-9_-]{0,39}$/.test(value.stageId) ? value.stageId : undefined;
  return { reference, revision, ...(stageId ? { stageId } : {}) };
}

/** Approve, Approve with conditions, Reject, Request changes: once for a request of one stage, else per stage open now. */
export function decisionButtons(request: Pick<AiToolRequest, "reference" | "revision">, progress: StageProgress[] = []): Button[] {
  return decisionTargets(progress).flatMap(({ stageId, name }) => {
    const value = { reference: request.reference, revision: request.revision, ...(stageId ? { stageId } : {}) };
    return [
      { label: name ? W.approveStage(name) : W.approve, action: REQUEST_IDS.approve, value, style: "primary" as const },
      { label: name ? W.conditionsStage(name) : W.approveWithConditions, action: REQUEST_IDS.approveWithConditions, value },
      { label: name ? W.rejectStage(name) : W.reject, action: REQUEST_IDS.reject, value, style: "danger" as const },
      { label: name ? W.changesStage(name) : W.requestChanges, action: REQUEST_IDS.requestChanges, value },
    ];
  });
}

/** The message in the approvals channel: the request, and its decision buttons while it is pending. */
export function approvalMessage(request: AiToolRequest, decision: RequestDecision | null, progress: StageProgress[] = []): Message {
  const view = approvalView(request, decision, progress);
  return request.status === "pending" ? { ...view, actions: decisionButtons(request, progress) } : view;
}
