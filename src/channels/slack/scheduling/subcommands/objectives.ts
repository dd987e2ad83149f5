import type { Subcommand } from "../../listeners/subcommands/subcommand.js";
import { objectivesBlocks } from "../blocks/lists.js";
import { objectiveModal } from "../blocks/modals.js";

export const objectivesSubcommand: Subcommand = {
  name: "objectives",
  usage: "/aims objectives [add]",
  description: "List AI objectives and their progress; AIMS owners and managers can add one.",
  async handle({ ctx, actor, rest, command, client, respond }) {
    const { objectives } = ctx.core.scheduling;
    if (rest === "add") {
      if (!(await objectives.mayAdd(actor))) return void (await respond({ response_type: "ephemeral", text: "Only AIMS owners and managers can add objectives." }));
      await client.views.open({ trigger_id: command.trigger_id, view: objectiveModal() });
      return;
    }
    const list = await objectives.list();
    await respond({ response_type: "ephemeral", text: `${list.length} AI objective(s).`, blocks: objectivesBlocks(list, await objectives.mayAdd(actor)) });
  },
};
