import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { FormValues } from "../../../conversation/form.js";
import { followUpRefusal } from "../../../features/concerns/concern-follow-up.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import type { SlackContext } from "../context.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { readBlockKitValues, readFormMetadata } from "../conversation/block-kit-form.js";
import { followUpModal } from "./follow-up-views.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What the reporter typed and the code (and secret) the modal carries; never logged. */
function submitted(view: Args["view"]) {
  const values = new FormValues(readBlockKitValues(view.state.values as never));
  const { state } = readFormMetadata(view.private_metadata);
  return { values, code: String(state.code ?? ""), secret: String(state.secret ?? "") };
}

/** The secret for a case code: right, the status and conversation replace the modal; wrong, it says only that. */
export function followUpSecretSubmission(ctx: SlackContext) {
  return async ({ ack, view }: Args) => {
    try {
      const { values, code } = submitted(view);
      const secret = values.text("secret") ?? "";
      const result = await ctx.core.concerns.followUp.open(code, secret);
      if (result.kind !== "ok") return await ack({ response_action: "errors", errors: { secret: followUpRefusal(result) } });
      await ack({ response_action: "update", view: followUpModal(result.concern, result.messages, { code, secret }) });
    } catch (error) {
      await ack({ response_action: "errors", errors: { secret: concernFailure(error, ctx.logger, "concern follow-up") } });
    }
  };
}

/** An anonymous answer to the triagers, proven again by code and secret; an empty box just closes the modal. */
export function followUpAnswerSubmission(ctx: SlackContext) {
  return async ({ ack, view }: Args) => {
    try {
      const { values, code, secret } = submitted(view);
      const answer = values.text("answer") ?? "";
      if (!answer.trim()) return await ack();
      const result = await ctx.core.concerns.followUp.answer(code, secret, answer);
      if (result.kind !== "ok") return await ack({ response_action: "errors", errors: { answer: followUpRefusal(result) } });
      await ack({
        response_action: "update",
        view: followUpModal(result.concern, result.messages, { code, secret }, CONCERN_WORDING.anonymousReporter.answerSent),
      });
    } catch (error) {
      await ack({ response_action: "errors", errors: { answer: concernFailure(error, ctx.logger, "concern answer") } });
    }
  };
}
