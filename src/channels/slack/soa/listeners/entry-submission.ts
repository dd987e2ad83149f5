import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackContext } from "../../context.js";
import { failureMessage } from "../../reply.js";
import { slackActor } from "../../slack-actor.js";
import { readSoaEntryForm, SOA_ENTRY_BLOCKS, type SoaEntryMetadata } from "../soa-entry-modal.js";
import { soaModal } from "../soa-modal.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Saves an edited SoA line before acknowledging, so validation errors, a conflict or a database outage keep the form
 * open with what was typed. On success the form closes and the SoA modal underneath shows the new line.
 */
export function entrySubmission(ctx: SlackContext) {
  return async ({ ack, body, view, client }: Args) => {
    const actor = slackActor(body.user);
    const metadata = JSON.parse(view.private_metadata) as SoaEntryMetadata;
    const form = readSoaEntryForm(view.state.values as never);
    try {
      const result = await ctx.core.soa.updateEntry(actor, metadata.controlId, form, metadata.version);
      if (result.kind === "invalid") {
        const errors = Object.entries(result.errors).map(([field, message]) => [SOA_ENTRY_BLOCKS[field as keyof typeof SOA_ENTRY_BLOCKS], message]);
        await ack({ response_action: "errors", errors: Object.fromEntries(errors) });
        return;
      }
      if (result.kind !== "saved") {
        await ack({ response_action: "errors", errors: { [SOA_ENTRY_BLOCKS.applicable]: result.message } });
        return;
      }
      await ack();
      const statement = await ctx.core.soa.statement();
      await client.views.update({ view_id: metadata.rootViewId, view: soaModal(statement, { canEdit: true }) });
    } catch (error) {
      const message = failureMessage(error, ctx.logger, { view: view.callback_id });
      await ack({ response_action: "errors", errors: { [SOA_ENTRY_BLOCKS.applicable]: message } }).catch(() => undefined);
    }
  };
}
