import type { SlackContext } from "../../context.js";
import { slackActor } from "../../slack-actor.js";
import { reminderBlocks, reminderText } from "../blocks/reminder-message.js";
import { submissionListener } from "./submission.js";

export function markDoneSubmission(ctx: SlackContext) {
  return submissionListener(ctx, "note", async (actor, values, key) => {
    const result = await ctx.core.scheduling.reminders.complete(actor, key, { note: values.note, link: values.link });
    if (result.kind === "invalid") return { errors: { note: result.message } };
    if (result.kind === "done") return { done: `Marked ${result.item.itemId} done. Thank you; the evidence is recorded.` };
    if (result.kind === "already_done") return { done: `${result.item.itemId} was already marked done.` };
    return { errors: { note: result.message } };
  });
}

export function reassignSubmission(ctx: SlackContext) {
  return submissionListener(ctx, "owner", async (actor, values, key, client) => {
    if (!values.owner) return { errors: { owner: "Choose the new owner" } };
    const result = await ctx.core.scheduling.reminders.reassign(actor, key, slackActor(values.owner));
    if (result.kind !== "reassigned") return { errors: { owner: result.message } };
    const { reminders } = ctx.core.scheduling;
    const payload = reminders.assignedReminder(key, result.item);
    const headline = `Assigned to you by <@${actor.id}>`;
    await client.chat
      .postMessage({ channel: result.owner.id, text: reminderText(payload, headline), blocks: reminderBlocks(payload, headline) })
      .then(async ({ channel, ts }) => {
        if (channel && ts) await reminders.rememberAssignedReminder(payload, result.owner, { conversationId: channel, messageId: ts });
      })
      .catch((error: unknown) => ctx.logger.warn({ err: error }, "could not tell the new owner"));
    return { done: `${result.item.itemId} now belongs to <@${result.owner.id}>.` };
  });
}
