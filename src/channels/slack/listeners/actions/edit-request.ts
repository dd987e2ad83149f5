import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { replyText } from "../../../../conversation/reply.js";
import { editRequest } from "../../../../features/requests/conversation/request-forms.js";
import { blockKitForm } from "../../conversation/block-kit-form.js";
import { mrkdwn } from "../../conversation/block-kit-message.js";
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

/** "Edit and resubmit": the request form in a modal, or why not privately. */
export function editRequestAction(ctx: SlackContext) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const actor = slackActor(body.user);
    const tell = (text: string) => tellUser({ client, userId: actor.id, respond: body.response_url ? respond : undefined }, text);
    try {
      const reply = await editRequest(ctx.core.requests, actor, referenceOf(action.value), SLACK_IDS.views.requestResubmit);
      if (reply.kind !== "form") return tell(mrkdwn(replyText(reply)));
      await client.views.open({ trigger_id: body.trigger_id, view: blockKitForm(reply.form) });
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: "edit_request" }));
    }
  };
}
