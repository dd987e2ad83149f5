import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { followUpRefusal } from "../../../features/concerns/concern-follow-up.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import type { FollowUpCredentials } from "../../../features/concerns/follow-up-credentials.js";
import type { SlackContext } from "../context.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { ANSWER_BLOCK, followUpView, INPUT, SECRET_BLOCK } from "./follow-up-views.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Values = Record<string, Record<string, { value?: string | null }>>;

const inputOf = (values: Values, block: string) => values[block]?.[INPUT]?.value ?? "";

/** The secret for a case code: right, the status and conversation replace the modal; wrong, it says only that. */
export function followUpSecretSubmission(ctx: SlackContext) {
  return async ({ ack, view }: Args) => {
    const values = view.state.values as Values;
    try {
      const { code } = JSON.parse(view.private_metadata) as { code: string };
      const secret = inputOf(values, SECRET_BLOCK);
      const result = await ctx.core.concerns.followUp.open(code, secret);
      if (result.kind !== "ok") return await ack({ response_action: "errors", errors: { [SECRET_BLOCK]: followUpRefusal(result) } });
      await ack({ response_action: "update", view: followUpView(result.concern, result.messages, { code, secret }) });
    } catch (error) {
      await ack({ response_action: "errors", errors: { [SECRET_BLOCK]: concernFailure(error, ctx.logger, "concern follow-up") } });
    }
  };
}

/** An anonymous answer to the triagers, proven again by code and secret; an empty box just closes the modal. */
export function followUpAnswerSubmission(ctx: SlackContext) {
  return async ({ ack, view }: Args) => {
    const values = view.state.values as Values;
    const answer = inputOf(values, ANSWER_BLOCK);
    if (!answer.trim()) return await ack();
    try {
      const credentials = JSON.parse(view.private_metadata) as FollowUpCredentials;
      const result = await ctx.core.concerns.followUp.answer(credentials.code, credentials.secret, answer);
      if (result.kind !== "ok") return await ack({ response_action: "errors", errors: { [ANSWER_BLOCK]: followUpRefusal(result) } });
      await ack({
        response_action: "update",
        view: followUpView(result.concern, result.messages, credentials, CONCERN_WORDING.anonymousReporter.answerSent),
      });
    } catch (error) {
      await ack({ response_action: "errors", errors: { [ANSWER_BLOCK]: concernFailure(error, ctx.logger, "concern answer") } });
    }
  };
}
