import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { continueModal } from "../step-modal.js";
import { showModal } from "./show-modal.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Resume" in the picker, or "Continue assessment" in a sent-back DM: opens the draft where it was left. */
export function resumeAction(ctx: SlackContext) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const tell = (text: string) => tellUser({ client, userId: actor.id, respond: body.response_url ? respond : undefined }, text);
    try {
      const service = ctx.core.assessments;
      const opened = await service.resume(actor, action.value ?? "");
      if (opened.kind !== "ok") return tell(opened.message);
      await showModal(client, body as never, continueModal(service, opened.assessment));
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: "assessment_resume" }));
    }
  };
}
