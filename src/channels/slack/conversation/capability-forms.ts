import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { Core } from "../../../app/core.js";
import type { Capability, FormHandler } from "../../../conversation/capability.js";
import { FormValues } from "../../../conversation/form.js";
import { withDeadline } from "../../../core/deadline.js";
import { answerOf, formProblem, type Reply, replyText } from "../../../conversation/reply.js";
import type { SlackContext } from "../context.js";
import { slackActor } from "../slack-actor.js";
import { tellUser } from "../reply.js";
import { blockKitModal, mrkdwn, textModal } from "./block-kit-message.js";
import { blockKitForm, errorsAck, readBlockKitValues, readFormMetadata } from "./block-kit-form.js";
import { failureOf, slackTurn } from "./slack-turn.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Slack closes a submission after 3 seconds; a retryable save not done by then asks the person to submit again. */
const SAVE_DEADLINE_MS = 2500;

const firstInput = (blocks: { type: string; block_id?: string }[]) => blocks.find((block) => block.type === "input")?.block_id;

/**
 * A submitted form is answered before it is acknowledged, so errors (and `tell`) keep it open with what was typed.
 * A form pushed over a modal closes and that modal shows the answer; otherwise the form becomes the answer. A slow
 * form is checked, acknowledged with its progress text, then saved, and the answer replaces the view afterwards.
 */
export type FormListener = (args: ViewArgs) => Promise<void>;

export function formListener(ctx: SlackContext, capability: Capability<Core>, id: string, handler: FormHandler<Core>): FormListener {
  return async ({ ack, body, view, client }) => {
    const turn = slackTurn(ctx, slackActor(body.user));
    const { state, rootViewId } = readFormMetadata(view.private_metadata);
    const values = new FormValues(readBlockKitValues((view.state?.values ?? {}) as never));
    const form = await handler.form(state, turn);
    const firstField = form?.fields[0]?.id ?? firstInput(view.blocks as never);
    const keepOpen = (reply: Extract<Reply, { kind: "errors" | "tell" }>) =>
      ack(reply.kind === "errors" ? errorsAck(reply.errors, reply.problem, firstField) : errorsAck({}, reply.text, firstField));
    const submit = () => handler.submit(turn, values, state);
    const save = () => answerOf(() => (handler.retryable ? withDeadline(submit(), SAVE_DEADLINE_MS) : submit()), (error) => formProblem(failureOf(ctx, capability, error, id)));
    const viewOf = (reply: Reply): ModalView =>
      reply.kind === "show" || reply.kind === "changed" ? blockKitModal(reply.message) : reply.kind === "form" ? blockKitForm(reply.form, rootViewId) : textModal(form?.title ?? "", replyText(reply));
    const update = (reply: Reply) =>
      client.views.update({ view_id: rootViewId ?? view.id, view: viewOf(reply) }).catch((error: unknown) => ctx.logger.error({ err: error, view: id }, "could not update a Slack view"));

    if (handler.slow) {
      const early = await handler.slow.check(turn, values);
      if (early?.kind === "errors" || early?.kind === "tell") return void (await keepOpen(early));
      await (rootViewId ? ack() : ack({ response_action: "update", view: textModal(form?.title ?? "", handler.slow.progress) }));
      return void (await update(await save()));
    }
    const reply = await save();
    if (reply.kind === "errors" || reply.kind === "tell") return void (await keepOpen(reply).catch(() => undefined));
    if (reply.kind === "changed") return void (await ack());
    if (reply.kind === "done") {
      await ack();
      return void (await tellUser({ client, userId: body.user.id }, mrkdwn(reply.text)));
    }
    if (!rootViewId || reply.kind === "form") return void (await ack({ response_action: "update", view: viewOf(reply) }));
    await ack();
    await update(reply);
  };
}
