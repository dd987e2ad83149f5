import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { IncidentStatus } from "../../../../features/incidents/incident-status.js";
import type { SlackContext } from "../../context.js";
import { failureMessage, tellUser } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { openIncidentForm, type IncidentForm } from "./open-forms.js";

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

function replier({ client, body, respond }: Args) {
  return (text: string) => tellUser({ client, userId: body.user.id, respond: body.response_url ? respond : undefined }, text);
}

/**
 * A status button on an incident summary. The core re-checks who may change it and whether the move is allowed
 * now (the button may be stale); refusals are explained privately, and the summaries update on success.
 */
export function statusButton(ctx: SlackContext, to: IncidentStatus) {
  return async (args: Args) => {
    await args.ack();
    const tell = replier(args);
    const reference = args.action.value ?? "";
    try {
      const result = await ctx.core.incidents.changeStatus(slackActor(args.body.user), reference, to);
      if (result.kind === "not_found" || result.kind === "forbidden" || result.kind === "refused") await tell(result.message);
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: `incident_${to}`, reference }));
    }
  };
}

/** "Close incident", "Add corrective action", "External reporting decision": open their form. */
export function formButton(ctx: SlackContext, form: IncidentForm) {
  return async (args: Args) => {
    await args.ack();
    const tell = replier(args);
    const reference = args.action.value ?? "";
    try {
      const refusal = await openIncidentForm(ctx, {
        client: args.client,
        actor: slackActor(args.body.user),
        reference,
        triggerId: args.body.trigger_id,
        form,
      });
      if (refusal) await tell(refusal);
    } catch (error) {
      await tell(failureMessage(error, ctx.logger, { action: `incident_${form}`, reference }));
    }
  };
}
