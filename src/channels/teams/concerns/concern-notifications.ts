import type { Concern } from "../../../db/generated/client.js";
import { findChannelMessage, rememberChannelMessage } from "../../../core/channel-messages.js";
import { CONCERN_ENTITY } from "../../../features/concerns/concern-records.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { oneAtATime } from "../incidents/one-at-a-time.js";
import { reporterUpdateCard } from "./reporter-cards.js";
import { triageCard, triageSummary } from "./triage-card.js";

const triageKey = (concern: Concern) =>
  ({ entityType: CONCERN_ENTITY, entityId: concern.reference, purpose: "triage", channel: "teams" }) as const;

/**
 * Shows concerns in Teams, whichever channel they came from: one card per concern in the triage conversation,
 * posted once and then updated in place; named reporters who use Teams hear of each step in their personal chat.
 * Anonymous reporters are never messaged: they look with their code.
 */
export function subscribeConcernNotifications(ctx: TeamsContext): void {
  const { prisma, concerns } = ctx.core;
  const events = ctx.core.events.subscriber("teams.concerns");
  const conversationId = ctx.teams.triageConversation;
  const serialize = oneAtATime();

  async function showInTriage(reference: string): Promise<void> {
    if (!conversationId) return;
    // Read afresh: the event may carry the concern as it was before a later change landed.
    const concern = await concerns.find(reference);
    if (!concern) return;
    const message = cardMessage(triageCard(concern, await concerns.messages(concern.id)), triageSummary(concern));
    const existing = await findChannelMessage(prisma, triageKey(concern));
    if (existing) return ctx.messenger.update(existing.conversationId, existing.messageId, message);
    const activityId = await ctx.messenger.post(conversationId, message);
    if (activityId) await rememberChannelMessage(prisma, triageKey(concern), { conversationId, messageId: activityId });
  }

  async function tellReporter(concern: Concern, update: ReturnType<typeof reporterUpdateCard>): Promise<void> {
    if (!update || concern.anonymous || concern.reporterChannel !== "teams" || !concern.reporterId) return;
    await ctx.messenger.sendToUser(concern.reporterId, cardMessage(update.card, update.summary));
  }

  const show = (reference: string) => serialize(reference, () => showInTriage(reference));
  events.on("concern.received", ({ concern }) => show(concern.reference));
  events.on("concern.changed", async ({ concern, change }) => {
    await Promise.all([show(concern.reference), tellReporter(concern, reporterUpdateCard(concern, change))]);
  });
}
