import type { AiToolRequest } from "../../../db/generated/client.js";
import { START_ASSESSMENT_ACTION } from "../../../features/assessments/approval-gate.js";
import type { StageProgress } from "../../../features/requests/approval-stages.js";
import { approvalCard } from "../cards/approval-card.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard } from "../cards/adaptive-card.js";
import { ASSESSMENT_VERBS } from "./assessment-verbs.js";

/** The Teams verb of each way forward an approval gate can offer. */
const GATE_VERBS: Record<string, string> = { [START_ASSESSMENT_ACTION]: ASSESSMENT_VERBS.startForRequest };

/**
 * The approvals card as the approver who pressed Approve sees it when a gate holds (a high-risk request without a
 * signed-off impact assessment): why it cannot be approved yet, and the button that leads on ("Start assessment").
 */
export function gatedApprovalCard(request: AiToolRequest, message: string, action?: { label: string; id: string }, progress: StageProgress[] = []): AdaptiveCard {
  const card = approvalCard(request, null, progress);
  const verb = action ? GATE_VERBS[action.id] : undefined;
  return adaptiveCard(
    [
      ...card.body,
      textBlock(message, { color: "attention", weight: "bolder" }),
      ...(action && verb ? [{ type: "ActionSet", actions: [executeAction(action.label, verb, { reference: request.reference }, "positive")] }] : []),
    ],
    card.actions,
  );
}
