import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Core } from "../../../app/core.js";
import type { ActionHandler, Capability } from "../../../conversation/capability.js";
import type { ActionValue } from "../../../conversation/message.js";
import { answerOf, type Reply, replyText, tell } from "../../../conversation/reply.js";
import type { SlackContext } from "../context.js";
import { tellUser } from "../reply.js";
import { slackActor } from "../slack-actor.js";
import { blockKitMessage, blockKitModal, mrkdwn } from "./block-kit-message.js";
import { blockKitForm, readBlockKitValues } from "./block-kit-form.js";
import { FormValues } from "../../../conversation/form.js";
import { failureOf, slackTurn } from "./slack-turn.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** A button's value as the neutral views wrote it (JSON), or {} when it is none. */
export const readActionValue = (value: unknown): ActionValue => {
  try {
    const parsed: unknown = typeof value === "string" ? JSON.parse(value) : undefined;
    return parsed && typeof parsed === "object" ? (parsed as ActionValue) : {};
  } catch {
    return {};
  }
};

/**
 * A click in a modal answers in the modal (a form is pushed over it); a click in a message answers in the chat. A
 * changed record needs nothing more: its publisher updates the messages that show it.
 */
async function carryOut({ body, client, respond }: ActionArgs, reply: Reply): Promise<void> {
  const view = body.view;
  if (reply.kind === "changed") return;
  if (reply.kind === "form") {
    if (view && reply.form.page) return void (await client.views.update({ view_id: view.id, view: blockKitForm(reply.form) }));
    const form = blockKitForm(reply.form, view ? (view.root_view_id ?? view.id) : undefined);
    await (view ? client.views.push({ trigger_id: body.trigger_id, view: form }) : client.views.open({ trigger_id: body.trigger_id, view: form }));
  } else if (reply.kind === "show") {
    await (view ? client.views.update({ view_id: view.id, view: blockKitModal(reply.message) }) : respond({ replace_original: true, ...blockKitMessage(reply.message) }));
  } else {
    await tellUser({ client, userId: body.user.id, ...(view ? {} : { respond }) }, mrkdwn(replyText(reply)));
  }
}

export type ClickListener = (args: ActionArgs) => Promise<void>;

/** Answers a click on one of a capability's buttons: acknowledged at once, then handled. */
export function clickListener(ctx: SlackContext, capability: Capability<Core>, id: string, handler: ActionHandler<Core>): ClickListener {
  return async (args) => {
    await args.ack();
    const turn = slackTurn(ctx, slackActor(args.body.user));
    const value = readActionValue("value" in args.action ? args.action.value : undefined);
    const typed = new FormValues(readBlockKitValues((args.body.view?.state?.values ?? {}) as never));
    const reply = await answerOf(() => handler(turn, value, typed), (error) => tell(failureOf(ctx, capability, error, id)));
    await carryOut(args, reply).catch((error: unknown) => ctx.logger.error({ err: error, action: id }, "could not answer a Slack click"));
  };
}
