import type { WebClient } from "@slack/web-api";
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Actor } from "../../../../core/actor.js";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { readModalValues } from "../blocks/modals.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What a submission handler decided: close the modal and tell the person, or keep it open with field errors. */
export type SubmissionOutcome = { done: string } | { errors: Record<string, string | undefined> };

/**
 * A modal submission saved BEFORE acking, so field errors or a database outage keep the modal open with what was
 * typed. `errorBlock` shows problems that belong to no single field.
 */
export function submissionListener(
  ctx: SlackContext,
  errorBlock: string,
  save: (actor: Actor, values: Record<string, string | undefined>, metadata: string, client: WebClient) => Promise<SubmissionOutcome>,
) {
  return async ({ ack, body, view, client }: Args) => {
    const actor = slackActor(body.user);
    try {
      const outcome = await save(actor, readModalValues(view.state.values as never), view.private_metadata, client);
      if ("errors" in outcome) {
        const errors = Object.fromEntries(Object.entries(outcome.errors).filter((entry): entry is [string, string] => Boolean(entry[1])));
        await ack({ response_action: "errors", errors });
        return;
      }
      await ack();
      await client.chat.postMessage({ channel: actor.id, text: outcome.done }).catch((error: unknown) => ctx.logger.warn({ err: error }, "could not confirm a submission"));
    } catch (error) {
      await ack({ response_action: "errors", errors: { [errorBlock]: failureMessage(error, ctx.logger, { view: view.callback_id }) } });
    }
  };
}
