import type { Actor } from "../../../core/actor.js";
import { AAD_OBJECT_ID } from "../../../config/env-fields.js";
import type { DueItem } from "../../../features/reminders/due-item.js";
import { snoozesLeftLine, type SnoozePeriod } from "../../../features/reminders/snooze.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardMessage, cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { formatDate, personLabel } from "../cards/text.js";
import type { TeamsContext } from "../context.js";
import { failureMessage } from "../reply.js";
import { outcomeCard, reminderCard, reminderSummary } from "./cards/reminder-card.js";
import { SCHEDULING_INPUTS as INPUTS } from "./scheduling-verbs.js";

const text = (data: Record<string, unknown>, name: string) => (typeof data[name] === "string" ? (data[name] as string) : undefined);

/** Runs one reminder button; the core decides who may act, and a failure is told, never thrown at Teams. */
function dueItemAction(name: string, work: (args: { ctx: TeamsContext; actor: Actor; key: string; data: Record<string, unknown> }) => ReturnType<CardActionHandler>): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const key = text(data, "key");
    if (!key) return messageResponse("That reminder is out of date.");
    try {
      return await work({ ctx, actor, key, data });
    } catch (error) {
      return messageResponse(failureMessage(error, ctx.logger, { action: name }));
    }
  };
}

/** "Mark done" with a note or link as evidence (7.5); invalid evidence leaves the card, and what was typed, as it is. */
export const markDone = dueItemAction("due.markDone", async ({ ctx, actor, key, data }) => {
  const result = await ctx.core.scheduling.reminders.complete(actor, key, { note: text(data, INPUTS.note), link: text(data, INPUTS.link) });
  if (result.kind === "done") return cardResponse(outcomeCard(result.item, `✅ Marked done by ${actor.name ?? "you"} on ${formatDate(ctx.core.clock.now())}. Thank you; the evidence is recorded.`));
  if (result.kind === "already_done") return cardResponse(outcomeCard(result.item, "✅ This was already marked done."));
  return messageResponse(result.message);
});

export const snooze = dueItemAction("due.snooze", async ({ ctx, actor, key, data }) => {
  const period: SnoozePeriod = data.period === "week" ? "week" : "day";
  const result = await ctx.core.scheduling.reminders.snooze(actor, key, period);
  if (result.kind !== "snoozed") return messageResponse(result.message);
  return cardResponse(outcomeCard(result.item, `💤 Snoozed for a ${period}, until ${formatDate(result.until)}; I'll remind you again then. ${snoozesLeftLine(result.left)}`));
});

/** Reassign to the person chosen in the people picker (an AAD object id); the new owner is told in Teams. */
export const reassign = dueItemAction("due.reassign", async ({ ctx, actor, key, data }) => {
  const ownerId = text(data, INPUTS.owner)?.trim() ?? "";
  if (!AAD_OBJECT_ID.test(ownerId)) return messageResponse("Choose the new owner from the people picker.");
  const owner = await ctx.core.people.person("teams", ownerId);
  const result = await ctx.core.scheduling.reminders.reassign(actor, key, owner);
  if (result.kind !== "reassigned") return messageResponse(result.message);
  const told = await tellNewOwner(ctx, actor, result.item, key);
  const outcome = `➡️ ${result.item.itemId} now belongs to ${personLabel(owner)}.${told ? "" : " They have not used AIMS in Teams yet, so they will hear once they message me."}`;
  return cardResponse(outcomeCard(result.item, outcome));
});

async function tellNewOwner(ctx: TeamsContext, by: Actor, item: DueItem, key: string): Promise<boolean> {
  const { reminders } = ctx.core.scheduling;
  const payload = reminders.assignedReminder(key, item);
  const headline = `Assigned to you by ${by.name ?? "a colleague"}`;
  try {
    const sent = await ctx.messenger.sendToUser(item.owner.id, cardMessage(reminderCard(payload, headline), reminderSummary(payload, headline)));
    if (sent?.activityId) await reminders.rememberAssignedReminder(payload, item.owner, { conversationId: sent.conversationId, messageId: sent.activityId });
    return sent !== null;
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not tell the new owner in Teams");
    return false;
  }
}
