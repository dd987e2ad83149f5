import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { toRawForm } from "../../../../features/requests/request-form.js";
import { requestForm } from "../../../../features/requests/conversation/request-forms.js";
import { blockKitForm } from "../../conversation/block-kit-form.js";
import { REQUEST_WORDING as W } from "../../../../features/requests/conversation/request-wording.js";
import type { SlackContext } from "../../context.js";
import { SLACK_IDS } from "../../ids.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** The request an edit button is about: its value is `{ reference }` as JSON, as the neutral views write it. */
function referenceOf(value: string | undefined): string {
  try {
    const parsed: unknown = JSON.parse(value ?? "");
    return parsed && typeof parsed === "object" && "reference" in parsed ? String(parsed.reference) : "";
  } catch {
    return "";
  }
}

/** "Edit and resubmit": opens the request form filled with the request as it stands, with the approver's ask on top. */
export function editRequestAction(ctx: SlackContext) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const tell = (text: string) => tellUser({ client, userId: actor.id, respond: body.response_url ? respond : undefined }, text);
    try {
      const request = await ctx.core.requests.find(referenceOf(action.value));
      if (!request) return tell(W.notFoundThat);
      const refusal = await ctx.core.requests.editRefusal(actor, request);
      if (refusal) return tell(refusal);
      const decision = await ctx.core.requests.latestDecision(request.id);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: blockKitForm(
          requestForm({
            id: SLACK_IDS.views.requestResubmit,
            state: { reference: request.reference },
            values: toRawForm(request),
            editing: request.reference,
            approverAsked: decision?.reason,
          }),
        ),
      });
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: "edit_request" }));
    }
  };
}
