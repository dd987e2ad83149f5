import type { App } from "@slack/bolt";
import type { Core } from "../../../app/core.js";
import type { Actor } from "../../../core/actor.js";
import type { ActionHandler, Capability, FormHandler } from "../../../conversation/capability.js";
import { NO_LONGER_AVAILABLE, openForm, replyText, tell } from "../../../conversation/reply.js";
import type { SlackContext } from "../context.js";
import type { Subcommand } from "../listeners/subcommands/subcommand.js";
import { blockKitModal, mrkdwn } from "./block-kit-message.js";
import { blockKitForm } from "./block-kit-form.js";
import { registerClick } from "./capability-clicks.js";
import { registerForm } from "./capability-forms.js";
import { slackTurn } from "./slack-turn.js";

/** A capability's commands as `/aims` subcommands: a message or a form opens in a modal, text is shown ephemerally. */
export function subcommandsOf(capability: Capability<Core>): Subcommand[] {
  return capability.commands.map((command) => ({
    name: command.name,
    usage: `/aims ${command.name}`,
    description: command.description,
    ...(command.visibleTo ? { visibleTo: async (ctx: SlackContext, actor: Actor) => command.visibleTo!(ctx.core, actor) } : {}),
    async handle({ ctx, actor, rest, command: slash, client, respond }) {
      const reply = await command.run(slackTurn(ctx, actor, slash.channel_id), rest);
      if (reply.kind === "show") return void (await client.views.open({ trigger_id: slash.trigger_id, view: blockKitModal(reply.message) }));
      if (reply.kind === "form") return void (await client.views.open({ trigger_id: slash.trigger_id, view: blockKitForm(reply.form) }));
      await respond({ response_type: "ephemeral", text: mrkdwn(replyText(reply)) });
    },
  }));
}

/** A button that opens a form (`opens`) has the form's id as its action and the form's state as its value. */
const opener =
  (handler: FormHandler<Core>): ActionHandler<Core> =>
  async (turn, state) => {
    const refusal = await handler.refusal?.(turn, state);
    if (refusal) return tell(refusal);
    const form = await handler.form(state, turn);
    return form ? openForm(form) : tell(NO_LONGER_AVAILABLE);
  };

/** Registers a capability's buttons and forms with Bolt; its commands join the `/aims` list through `subcommandsOf`. */
export function registerCapability(app: App, ctx: SlackContext, capability: Capability<Core>): void {
  for (const [id, handler] of Object.entries(capability.actions)) registerClick(app, ctx, capability, id, handler);
  for (const [id, handler] of Object.entries(capability.forms)) {
    registerForm(app, ctx, capability, id, handler);
    registerClick(app, ctx, capability, id, opener(handler));
  }
}
