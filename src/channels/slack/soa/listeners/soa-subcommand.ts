import { SOA_NOT_SET_UP } from "../../../../features/soa/soa-service.js";
import type { Subcommand } from "../../listeners/subcommands/subcommand.js";
import { soaModal } from "../soa-modal.js";
import { soaProfileModal } from "../soa-profile-modal.js";

/** `/aims soa`: the Statement of Applicability in a modal; the AIMS owner sets the organisation's roles first. */
export const soaSubcommand: Subcommand = {
  name: "soa",
  usage: "/aims soa",
  description: "See the Statement of Applicability: which ISO 42001 controls apply, why, and the evidence held.",
  async handle({ ctx, actor, client, command, respond }) {
    const canEdit = await ctx.core.soa.canEdit(actor);
    const statement = await ctx.core.soa.statement();
    if (!statement.profile) {
      if (!canEdit) {
        await respond({ response_type: "ephemeral", text: SOA_NOT_SET_UP });
        return;
      }
      await client.views.open({ trigger_id: command.trigger_id, view: soaProfileModal([]) });
      return;
    }
    await client.views.open({ trigger_id: command.trigger_id, view: soaModal(statement, { canEdit }) });
  },
};
