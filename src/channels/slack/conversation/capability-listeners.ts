import type { App, BlockAction, ViewSubmitAction } from "@slack/bolt";
import type { Core } from "../../../app/core.js";
import type { Actor } from "../../../core/actor.js";
import type { ActionHandler, Capability, FormHandler } from "../../../conversation/capability.js";
import { NO_LONGER_AVAILABLE, openForm, replyText, tell } from "../../../conversation/reply.js";
import type { SlackContext } from "../context.js";
import type { Subcommand } from "../listeners/subcommands/subcommand.js";
import { blockKitModal, mrkdwn } from "./block-kit-message.js";
import { blockKitForm } from "./block-kit-form.js";
import { type ClickListener, clickListener } from "./capability-clicks.js";
import { type SlackForm, slackForm } from "./capability-forms.js";
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

function addOnce<L>(listeners: Map<string, L>, id: string, listener: L): void {
  if (listeners.has(id)) throw new Error(`Two capabilities answer the Slack id "${id}"`);
  listeners.set(id, listener);
}

/** Matches exactly the ids a map holds. */
const anyIdOf = (listeners: Map<string, unknown>) =>
  new RegExp(`^(?:${[...listeners.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`);

/**
 * Registers the capabilities' buttons and forms with Bolt; their commands join the `/aims` list through
 * `subcommandsOf`. One Bolt listener routes every click and one every form, by id: Bolt runs each listener's
 * matchers on every request, so two hundred listeners cost more per request than the click itself.
 */
export function registerCapabilities(app: App, ctx: SlackContext, capabilities: readonly Capability<Core>[]): void {
  const clicks = new Map<string, ClickListener>();
  const forms = new Map<string, SlackForm>();
  for (const capability of capabilities) {
    for (const [id, handler] of Object.entries(capability.actions)) addOnce(clicks, id, clickListener(ctx, capability, id, handler));
    for (const [id, handler] of Object.entries(capability.forms)) {
      addOnce(forms, id, slackForm(ctx, capability, id, handler));
      addOnce(clicks, id, clickListener(ctx, capability, id, opener(handler)));
    }
  }
  app.action<BlockAction>({ action_id: anyIdOf(clicks) }, (args) => clicks.get(args.action.action_id)!(args));
  app.view<ViewSubmitAction>({ callback_id: anyIdOf(forms), type: "view_submission" }, (args) => forms.get(args.view.callback_id)!.listen(args));
  ctx.core.events.subscriber("slack.forms").on("slack.form.saving", async (promised) => {
    const form = forms.get(promised.form);
    if (form) await form.finish(promised, app.client);
    else ctx.logger.warn({ form: promised.form }, "a form saved by another version is no longer known; its stand-by record is dropped");
  });
}
