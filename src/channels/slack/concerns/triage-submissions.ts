import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Actor } from "../../../core/actor.js";
import type { TriageResult } from "../../../features/concerns/concern-service.js";
import type { SlackContext } from "../context.js";
import { slackActor } from "../slack-actor.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { describeTriageResult } from "./triage-outcomes.js";
import { TRIAGE_BLOCKS, TRIAGE_INPUT } from "./triage-blocks.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Values = Record<string, Record<string, { value?: string | null; selected_user?: string | null; selected_option?: { value: string } | null }>>;

interface TriageForm {
  /** The block that shows a refusal. */
  errorBlock: string;
  run(ctx: SlackContext, actor: Actor, reference: string, values: Values): Promise<TriageResult>;
}

const read = (values: Values, block: string) => values[block]?.[TRIAGE_INPUT];

export const QUESTION_FORM: TriageForm = {
  errorBlock: TRIAGE_BLOCKS.question,
  run: (ctx, actor, reference, values) => ctx.core.concerns.ask(actor, reference, read(values, TRIAGE_BLOCKS.question)?.value ?? undefined),
};

export const ASSIGN_FORM: TriageForm = {
  errorBlock: TRIAGE_BLOCKS.assignee,
  async run(ctx, actor, reference, values) {
    const assignee = read(values, TRIAGE_BLOCKS.assignee)?.selected_user;
    if (!assignee) return { kind: "invalid", message: "Please choose who investigates it." };
    return ctx.core.concerns.assign(actor, reference, slackActor(assignee));
  },
};

export const CLOSE_FORM: TriageForm = {
  errorBlock: TRIAGE_BLOCKS.reason,
  async run(ctx, actor, reference, values) {
    const outcome = read(values, TRIAGE_BLOCKS.outcome)?.selected_option?.value;
    if (outcome !== "resolved" && outcome !== "dismissed") return { kind: "invalid", message: "Please choose the outcome." };
    return ctx.core.concerns.close(actor, reference, outcome, read(values, TRIAGE_BLOCKS.reason)?.value ?? undefined);
  },
};

/** A triage modal (question, assignee, outcome): taken through the core before acknowledging, refusals shown in it. */
export function triageSubmission(ctx: SlackContext, form: TriageForm) {
  return async ({ ack, body, view }: Args) => {
    const reference = view.private_metadata;
    try {
      const result = await form.run(ctx, slackActor(body.user), reference, view.state.values as Values);
      const problem = describeTriageResult(result, reference);
      if (problem) return await ack({ response_action: "errors", errors: { [form.errorBlock]: problem } });
      await ack();
    } catch (error) {
      await ack({ response_action: "errors", errors: { [form.errorBlock]: concernFailure(error, ctx.logger, view.callback_id) } });
    }
  };
}
