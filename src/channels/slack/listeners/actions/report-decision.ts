import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../../core/actor.js";
import type { DecisionOutcome } from "../../../../features/requests/request-service.js";
import { type DecisionTarget, type DecisionWords, takeDecision } from "../../../../features/requests/conversation/request-decisions.js";
import { mrkdwn } from "../../conversation/block-kit-message.js";
import type { SlackContext } from "../../context.js";
import { failureMessage, tellUser } from "../../reply.js";

/**
 * Takes a decision and tells the approver privately when it did not go through. Successful decisions are shown by
 * the request notifications, which update every copy of the approval message.
 */
export async function reportDecision(
  ctx: SlackContext,
  args: { actor: Actor; client: WebClient; respond?: RespondFn; target: DecisionTarget; outcome: DecisionOutcome; words: DecisionWords },
): Promise<void> {
  const tell = (text: string) => tellUser({ client: args.client, userId: args.actor.id, respond: args.respond }, text);
  try {
    const answer = await takeDecision(ctx.core.requests, args.actor, args.target, args.outcome, args.words, ctx.core.clock.now());
    if (answer.kind === "done") return;
    if (answer.kind === "blocked" && answer.next) return offerAction(args, answer.text, answer.next);
    await tell(mrkdwn(answer.text));
  } catch (error) {
    await tell(failureMessage(error, ctx.logger, { action: "decide", reference: args.target.reference }));
  }
}

/** A refusal that comes with a way forward (e.g. "Start assessment"): the button carries the request reference. */
async function offerAction(
  args: { actor: Actor; client: WebClient; respond?: RespondFn; target: DecisionTarget },
  text: string,
  action: { label: string; id: string },
): Promise<void> {
  const blocks = [
    { type: "section" as const, text: { type: "mrkdwn" as const, text } },
    {
      type: "actions" as const,
      elements: [{ type: "button" as const, action_id: action.id, text: { type: "plain_text" as const, text: action.label }, value: args.target.reference }],
    },
  ];
  if (args.respond) await args.respond({ response_type: "ephemeral", replace_original: false, text, blocks });
  else await args.client.chat.postMessage({ channel: args.actor.id, text, blocks });
}
