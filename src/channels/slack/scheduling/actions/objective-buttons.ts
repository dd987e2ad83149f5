import type { SlackContext } from "../../context.js";
import { parseOccurrenceKey } from "../../../../features/reminders/due-item.js";
import { checkInModal, objectiveModal } from "../blocks/modals.js";
import { buttonListener } from "./action-args.js";

export function checkInButton(ctx: SlackContext) {
  return buttonListener(ctx, "objective.checkIn", async (_actor, key) => {
    const parsed = parseOccurrenceKey(key);
    const objective = parsed && (await ctx.core.scheduling.objectives.find(parsed.itemId));
    return objective ? checkInModal(key, objective) : "That check-in is out of date.";
  });
}

export function addObjectiveButton(ctx: SlackContext) {
  return buttonListener(ctx, "objective.add", async (actor) =>
    (await ctx.core.scheduling.objectives.mayAdd(actor)) ? objectiveModal() : "Only AIMS owners and managers can add objectives.",
  );
}
