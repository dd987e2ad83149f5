import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ModalView } from "@slack/types";
import type { Core } from "../../../app/core.js";
import type { Actor } from "../../../core/actor.js";
import { DeadlineExceeded, settledBy } from "../../../core/deadline.js";
import { isDatabaseUnavailable } from "../../../core/errors.js";
import type { Capability, FormHandler } from "../../../conversation/capability.js";
import { FormValues, type FormState, type RawValues } from "../../../conversation/form.js";
import { answerOf, formProblem, type Reply, replyText } from "../../../conversation/reply.js";
import { arrivedAt } from "../arrival.js";
import type { SlackContext } from "../context.js";
import { slackActor } from "../slack-actor.js";
import { slackErrorCode } from "../slack-error.js";
import { tellUser } from "../reply.js";
import { blockKitModal, mrkdwn, textModal } from "./block-kit-message.js";
import { blockKitForm, errorsAck, readBlockKitValues, readFormMetadata } from "./block-kit-form.js";
import { failureOf, slackTurn } from "./slack-turn.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Slack closes a submission after 3 seconds, counted from when it sent it; this leaves room for the way back. */
const ACK_DEADLINE_MS = 2500;
/** Shown while a form acknowledged before its save is saved; the answer replaces it. */
export const SAVING_TEXT = "Saving… The answer appears here in a moment; nothing you typed is lost.";

/** A form acknowledged before it was saved, recorded so that any replica saves it should this one die first. */
export interface PromisedForm {
  form: string;
  actor: Actor;
  values: RawValues;
  state: FormState;
  title: string;
  /** The view the answer replaces: the form, or the modal it was pushed over. */
  viewId: string;
}

declare module "../../../core/events.js" {
  interface DomainEvents {
    "slack.form.saving": PromisedForm;
  }
}

const firstInput = (blocks: { type: string; block_id?: string }[]) => blocks.find((block) => block.type === "input")?.block_id;

export type FormListener = (args: ViewArgs) => Promise<void>;

/** A capability form in Slack: its listener, and how a replica finishes a form whose process died while saving it. */
export interface SlackForm {
  listen: FormListener;
  finish(promised: PromisedForm, client: WebClient): Promise<void>;
}

interface Answers {
  /** Acknowledges with the reply, as a form saved in time is answered. */
  answer(reply: Reply): Promise<void>;
  /** Acknowledges with a progress text; the answer follows by `update`. */
  ackSaving(progress: string): Promise<void>;
  update(reply: Reply): Promise<void>;
  failure(error: unknown): Reply;
}

/**
 * A retryable form: answered when saved within SLACK_FORM_SAVE_WAIT_MS of its arrival; otherwise acknowledged with
 * "Saving…" once its stand-by record is committed and answered when saved. If the database goes away meanwhile, the
 * record stays for a replica to save it when it is back. Only if even the record cannot be written in time is the
 * person asked to press Submit again (the form's key makes that find the first save).
 */
async function acknowledgeWhileSaving(ctx: SlackContext, arrived: number, submitting: Promise<Reply>, promise: PromisedForm, answers: Answers): Promise<void> {
  const { metrics, events } = ctx.core;
  const saving = answerOf(() => submitting, answers.failure);
  const quick = await settledBy(saving, arrived + ctx.slack.formSaveWaitMs);
  if (quick) {
    metrics.formAcknowledged("saved");
    return answers.answer(quick);
  }
  const recording = events.standBy("slack.form.saving", promise, `form:${promise.viewId}`);
  const recorded = await settledBy(recording, arrived + ACK_DEADLINE_MS).catch(() => undefined);
  if (!recorded) {
    const reply = await settledBy(saving, arrived + ACK_DEADLINE_MS);
    metrics.formAcknowledged(reply ? "saved" : "submit_again");
    await answers.answer(reply ?? answers.failure(new DeadlineExceeded(ACK_DEADLINE_MS)));
    const standing = await recording.catch(() => undefined);
    await saving;
    return void (await standing?.done());
  }
  await answers.ackSaving(SAVING_TEXT);
  metrics.formAcknowledged("saving");
  try {
    await answers.update(await submitting);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return void ctx.logger.warn({ form: promise.form }, "database unavailable while saving a form; its stand-by record saves it later");
    await answers.update(answers.failure(error));
  }
  await recorded.done();
}

const viewOf = (reply: Reply, title: string, rootViewId?: string): ModalView =>
  reply.kind === "show" || reply.kind === "changed" ? blockKitModal(reply.message) : reply.kind === "form" ? blockKitForm(reply.form, rootViewId) : textModal(title, replyText(reply));

/**
 * A submitted form is answered before it is acknowledged, so errors (and `tell`) keep it open with what was typed.
 * A form pushed over a modal closes and that modal shows the answer; otherwise the form becomes the answer.
 * A slow form (`slow`) is checked, acknowledged with its progress text, then saved, and the answer replaces it; a
 * retryable one may be acknowledged while saving (`acknowledgeWhileSaving`), and any replica finishes it should this
 * one die (`finish`).
 */
export function slackForm(ctx: SlackContext, capability: Capability<Core>, id: string, handler: FormHandler<Core>): SlackForm {
  const failure = (error: unknown) => formProblem(failureOf(ctx, capability, error, id));
  const updateView = (client: WebClient, viewId: string, view: ModalView) =>
    client.views.update({ view_id: viewId, view }).catch((error: unknown) => {
      // The person closed the modal before the answer came (a burst): nothing is wrong, and their record is kept.
      if (slackErrorCode(error) === "not_found") return void ctx.logger.info({ view: id }, "the modal was closed before its answer could be shown");
      ctx.logger.error({ err: error, view: id }, "could not update a Slack view");
    });

  const listen: FormListener = async ({ ack, body, view, client, context }) => {
    const arrived = arrivedAt(context);
    const actor = slackActor(body.user);
    const turn = slackTurn(ctx, actor);
    const { state, rootViewId } = readFormMetadata(view.private_metadata);
    const raw = readBlockKitValues((view.state?.values ?? {}) as never);
    const values = new FormValues(raw);
    const form = await handler.form(state, turn);
    const title = form?.title ?? "";
    const firstField = form?.fields[0]?.id ?? firstInput(view.blocks as never);
    const keepOpen = (reply: Extract<Reply, { kind: "errors" | "tell" }>) =>
      ack(reply.kind === "errors" ? errorsAck(reply.errors, reply.problem, firstField) : errorsAck({}, reply.text, firstField));
    const save = () => answerOf(() => handler.submit(turn, values, state), failure);
    const ackSaving = (progress: string) => (rootViewId ? ack() : ack({ response_action: "update", view: textModal(title, progress) }));
    const update = async (reply: Reply) => void (await updateView(client, rootViewId ?? view.id, viewOf(reply, title, rootViewId)));

    const answer = async (reply: Reply) => {
      if (reply.kind === "errors" || reply.kind === "tell") return void (await keepOpen(reply).catch(() => undefined));
      if (reply.kind === "changed") return void (await ack());
      if (reply.kind === "done") {
        await ack();
        return void (await tellUser({ client, userId: body.user.id }, mrkdwn(reply.text)));
      }
      if (!rootViewId || reply.kind === "form") return void (await ack({ response_action: "update", view: viewOf(reply, title, rootViewId) }));
      await ack();
      await update(reply);
    };

    if (handler.slow) {
      const early = await handler.slow.check(turn, values);
      if (early?.kind === "errors" || early?.kind === "tell") return void (await keepOpen(early));
      await ackSaving(handler.slow.progress);
      return void (await update(await save()));
    }
    if (!handler.retryable) return answer(await save());
    const promise: PromisedForm = { form: id, actor, values: raw, state, title, viewId: rootViewId ?? view.id };
    await acknowledgeWhileSaving(ctx, arrived, handler.submit(turn, values, state), promise, { answer, ackSaving, update, failure });
  };

  return {
    listen,
    // Errors thrown (the database unreachable) leave the record to be tried again; refusals are the answer.
    async finish(promised, client) {
      const reply = await handler.submit(slackTurn(ctx, promised.actor), new FormValues(promised.values), promised.state);
      await updateView(client, promised.viewId, viewOf(reply, promised.title));
    },
  };
}
