import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../../../../core/storable-text.js";
import { FormValues } from "../../../../conversation/form.js";
import { parseValidity } from "../../../../features/requests/approval-validity.js";
import { readValidity } from "../../../../features/requests/conversation/approval-validity-fields.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import { readBlockKitValues } from "../../conversation/block-kit-form.js";
import { REASON_ACTION, REASON_BLOCK, type DecisionReasonMetadata } from "../../blocks/decision-reason-modal.js";
import type { SlackContext } from "../../context.js";
import { slackActor } from "../../slack-actor.js";
import { reportDecision } from "../actions/report-decision.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The approver's reason for rejecting or asking for changes, or the conditions and end of an approval; the decision
 * itself is taken after acknowledging.
 */
export function decisionReasonSubmission(ctx: SlackContext) {
  return async ({ ack, body, view, client }: Args) => {
    const reason = view.state.values[REASON_BLOCK]?.[REASON_ACTION]?.value?.trim() ?? "";
    const approving = (JSON.parse(view.private_metadata) as DecisionReasonMetadata).outcome === "approved";
    const validity = approving ? parseValidity(readValidity(new FormValues(readBlockKitValues(view.state.values))), ctx.core.clock.now()) : { ok: true as const, until: null };
    if (!validity.ok) {
      await ack({ response_action: "errors", errors: validity.errors });
      return;
    }
    const unset = !reason && !(approving && validity.until);
    const problem = unset ? (approving ? W.giveConditions : W.giveReason) : reason && !isStorableText(reason) ? UNSTORABLE_TEXT_MESSAGE : undefined;
    if (problem) {
      await ack({ response_action: "errors", errors: { [REASON_BLOCK]: problem } });
      return;
    }
    await ack();
    const metadata = JSON.parse(view.private_metadata) as DecisionReasonMetadata;
    await reportDecision(ctx, {
      actor: slackActor(body.user),
      client,
      reference: metadata.reference,
      revision: metadata.revision,
      stageId: metadata.stageId,
      outcome: metadata.outcome,
      ...(metadata.outcome === "approved" ? { conditions: reason, validUntil: validity.until } : { reason }),
    });
  };
}
