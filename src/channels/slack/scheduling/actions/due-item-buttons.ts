import type { SlackContext } from "../../context.js";
import { snoozesLeftLine, type SnoozePeriod } from "../../../../features/reminders/snooze.js";
import { markDoneModal, reassignModal } from "../blocks/modals.js";
import { buttonListener } from "./action-args.js";

/** "Mark done" and "Reassign" open a modal for the evidence or the new owner, once the clicker may act. */
export function openDueItemModal(ctx: SlackContext, modal: "markDone" | "reassign") {
  return buttonListener(ctx, `due.${modal}`, async (actor, key) => {
    const { reminders } = ctx.core.scheduling;
    const item = await reminders.find(key);
    if (!item) return "That reminder is out of date.";
    if (!(await reminders.mayManage(actor, item))) return `Only the owner of ${item.itemId} or an AIMS owner can do that.`;
    return modal === "markDone" ? markDoneModal(key, item.title) : reassignModal(key, item.title);
  });
}

export function snoozeButton(ctx: SlackContext, period: SnoozePeriod) {
  return buttonListener(ctx, `due.snooze.${period}`, async (actor, key) => {
    const result = await ctx.core.scheduling.reminders.snooze(actor, key, period);
    if (result.kind !== "snoozed") return result.message;
    return `Snoozed ${result.item.itemId} for a ${period}; I'll remind you again then. ${snoozesLeftLine(result.left)}`;
  });
}
