import { ERASURE_ONLY_OWNERS } from "../../../../features/organisation/erasure.js";
import type { Subcommand } from "../../listeners/subcommands/subcommand.js";
import { eraseModal } from "../erase-modal.js";
import { ERASURE_WORDING } from "../../../../features/organisation/erasure-messages.js";

/** `/aims erase`: the erasure form, for AIMS owners. */
export const eraseSubcommand: Subcommand = {
  name: "erase",
  usage: "/aims erase",
  description: ERASURE_WORDING.description,
  visibleTo: (ctx, actor) => ctx.core.roles.has(actor, "owner"),
  async handle({ ctx, actor, client, command, respond }) {
    if (!(await ctx.core.roles.has(actor, "owner"))) {
      await respond({ response_type: "ephemeral", text: ERASURE_ONLY_OWNERS });
      return;
    }
    await client.views.open({ trigger_id: command.trigger_id, view: eraseModal() });
  },
};
