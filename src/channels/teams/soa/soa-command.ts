import { SOA_NOT_SET_UP } from "../../../features/soa/soa-service.js";
import { cardMessage, markdownMessage } from "../cards/adaptive-card.js";
import type { TeamsCommand } from "../commands/command.js";
import { soaOverviewCard } from "./soa-cards.js";
import { soaRolesFormCard } from "./soa-forms.js";

/** `soa`: the Statement of Applicability; the AIMS owner sets the organisation's roles first. */
export const soaCommand: TeamsCommand = {
  name: "soa",
  description: "See the Statement of Applicability: which ISO 42001 controls apply, why, and the evidence held.",
  async handle({ ctx, turn, actor }) {
    const canEdit = await ctx.core.soa.canEdit(actor);
    const statement = await ctx.core.soa.statement();
    if (!statement.profile) {
      if (!canEdit) return void (await turn.sendActivity(markdownMessage(SOA_NOT_SET_UP)));
      return void (await turn.sendActivity(cardMessage(soaRolesFormCard([]), "Set the organisation's roles for the SoA")));
    }
    const applicable = statement.lines.filter((line) => line.applicable).length;
    await turn.sendActivity(cardMessage(soaOverviewCard(statement, { canEdit }), `SoA: ${applicable} of ${statement.lines.length} controls applicable`));
  },
};
