import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Actor } from "../../../../core/actor.js";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { readModalState } from "../blocks/modal-parts.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What the core answered: saved, field errors, or a refusal with a message. */
type Outcome = { errors: Partial<Record<string, string>> } | { message: string } | { saved: true };

/**
 * A submitted incident form: validated and saved BEFORE acknowledging, so field errors, refusals and a database
 * outage keep the modal open with what the person typed. Whole-form messages show on `firstBlock`.
 */
export function incidentModalSubmission(
  ctx: SlackContext,
  firstBlock: string,
  save: (args: { actor: Actor; form: Record<string, string | string[] | undefined>; view: Args["view"] }) => Promise<Outcome>,
) {
  return async ({ ack, body, view }: Args) => {
    try {
      const outcome = await save({ actor: slackActor(body.user), form: readModalState(view.state.values as never), view });
      if ("saved" in outcome) return await ack();
      if ("message" in outcome) return await ack({ response_action: "errors", errors: { [firstBlock]: outcome.message } });
      const errors = Object.fromEntries(Object.entries(outcome.errors).filter((entry): entry is [string, string] => Boolean(entry[1])));
      await ack({ response_action: "errors", errors });
    } catch (error) {
      await ack({ response_action: "errors", errors: { [firstBlock]: failureMessage(error, ctx.logger, { view: view.callback_id }) } });
    }
  };
}

/** Maps a core result to a modal outcome: `invalid` → field errors, refusals → message, anything else → saved. */
export function outcomeOf(result: { kind: string; message?: string; errors?: Partial<Record<string, string>> }): Outcome {
  if (result.kind === "invalid" && result.errors) return { errors: result.errors };
  if (result.message !== undefined && ["not_found", "forbidden", "refused"].includes(result.kind)) return { message: result.message };
  return { saved: true };
}
