import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { withDeadline } from "../../../../core/deadline.js";
import { FormValues } from "../../../../conversation/form.js";
import { rawRequestOf } from "../../../../features/requests/conversation/request-forms.js";
import { readBlockKitValues, readFormMetadata } from "../../conversation/block-kit-form.js";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import type { FieldErrors } from "../../../../features/requests/request-form.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Slack closes the request after 3 seconds; past this the person is asked to submit again (saving is idempotent). */
const SAVE_DEADLINE_MS = 2500;

/** The block that shows a whole-form error (the first question), so the modal stays open with every answer kept. */
const FORM_ERROR_BLOCK = "toolName";

function fieldErrors(errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/**
 * Submission of a new request, or of an edited one (private_metadata holds its reference). The record is saved
 * before acknowledging, so that if the database fails the modal stays open with what the person typed.
 */
export function requestSubmission(ctx: SlackContext, mode: "new" | "resubmit") {
  return async ({ ack, body, view }: Args) => {
    const actor = slackActor(body.user);
    const form = rawRequestOf(new FormValues(readBlockKitValues((view.state?.values ?? {}) as never)));
    const { state } = readFormMetadata(view.private_metadata);
    try {
      const saving =
        mode === "new"
          ? ctx.core.requests.submit(actor, form, `slack:${view.id}:${String(state.formId ?? view.private_metadata)}`)
          : ctx.core.requests.resubmit(actor, String(state.reference ?? ""), form);
      const result = await withDeadline(saving, SAVE_DEADLINE_MS);
      if (result.ok) {
        await ack();
        return;
      }
      if ("errors" in result) {
        await ack({ response_action: "errors", errors: fieldErrors(result.errors) });
        return;
      }
      await ack({ response_action: "errors", errors: { [FORM_ERROR_BLOCK]: result.message } });
    } catch (error) {
      const message = failureMessage(error, ctx.logger, { view: view.callback_id });
      await ack({ response_action: "errors", errors: { [FORM_ERROR_BLOCK]: message } });
    }
  };
}
