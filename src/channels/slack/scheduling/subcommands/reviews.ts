import type { Subcommand } from "../../listeners/subcommands/subcommand.js";
import { reviewsBlocks } from "../blocks/lists.js";
import { reviewScheduleModal } from "../blocks/modals.js";

const LOOK_AHEAD_DAYS = 30;

export const reviewsSubcommand: Subcommand = {
  name: "reviews",
  usage: "/aims reviews [add]",
  description: "List reviews and other items due in the next 30 days; AIMS owners can add and change review schedules.",
  async handle({ ctx, actor, rest, command, client, respond }) {
    const { reviews } = ctx.core.scheduling;
    const canEdit = await reviews.mayEditSchedules(actor);
    if (rest === "add") {
      if (!canEdit) return void (await respond({ response_type: "ephemeral", text: "Only AIMS owners can add or change review schedules." }));
      await client.views.open({ trigger_id: command.trigger_id, view: reviewScheduleModal() });
      return;
    }
    const [due, schedules] = await Promise.all([reviews.dueWithin(LOOK_AHEAD_DAYS, actor), reviews.listSchedules()]);
    await respond({ response_type: "ephemeral", text: `${due.length} item(s) due in the next ${LOOK_AHEAD_DAYS} days.`, blocks: reviewsBlocks(due, schedules, canEdit) });
  },
};
