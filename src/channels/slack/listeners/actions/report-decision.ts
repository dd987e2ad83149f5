import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../../core/actor.js";
import type { DecisionOutcome } from "../../../../features/requests/request-service.js";
import { deciderOf } from "../../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import { mrkdwn } from "../../conversation/block-kit-message.js";
import type { SlackContext } from "../../context.js";
import { failureMessage, tellUser } from "../../reply.js";

/**
 * Takes a decision through the core and tells the approver privately when it did not go through. Successful
 * decisions are shown by the request notifications, which update every copy of the approval message.
 */
export async function reportDecision(
  ctx: SlackContext,
  args: {
    actor: Actor;
    client: WebClient;
    respond?: RespondFn;
    reference: string;
    revision: number;
    stageId?: string;
    outcome: DecisionOutcome;
    reason?: string;
    conditions?: string;
    validUntil?: Date | null;
  },
): Promise<void> {
  const tell = (text: string) => tellUser({ client: args.client, userId: args.actor.id, respond: args.respond }, mrkdwn(text));
  try {
    const result = await ctx.core.requests.decide(args.actor, args.reference, args.revision, args.outcome, args.reason, {
      stageId: args.stageId,
      conditions: args.conditions,
      validUntil: args.validUntil,
    });
    switch (result.kind) {
      case "decided":
      case "stage_decided":
        return;
      case "not_found":
        return tell(W.notFound(args.reference));
      case "forbidden":
        return tell(result.message);
      case "blocked":
        return result.action ? offerAction(args, result.message, result.action) : tell(result.message);
      case "reason_required":
        return tell(W.reasonRequired);
      case "already_decided":
        return tell(
          result.decision
            ? W.alreadyDecidedBy(args.reference, deciderOf(result.decision))
            : W.changedSince(args.reference, result.request.status.replace("_", " "), result.request.revision),
        );
    }
  } catch (error) {
    await tellUser({ client: args.client, userId: args.actor.id, respond: args.respond }, failureMessage(error, ctx.logger, { action: "decide", reference: args.reference }));
  }
}

/** A refusal that comes with a way forward (e.g. "Start assessment"): the button carries the request reference. */
async function offerAction(
  args: { actor: Actor; client: WebClient; respond?: RespondFn; reference: string },
  text: string,
  action: { label: string; id: string },
): Promise<void> {
  const blocks = [
    { type: "section" as const, text: { type: "mrkdwn" as const, text } },
    {
      type: "actions" as const,
      elements: [{ type: "button" as const, action_id: action.id, text: { type: "plain_text" as const, text: action.label }, value: args.reference }],
    },
  ];
  if (args.respond) await args.respond({ response_type: "ephemeral", replace_original: false, text, blocks });
  else await args.client.chat.postMessage({ channel: args.actor.id, text, blocks });
}
