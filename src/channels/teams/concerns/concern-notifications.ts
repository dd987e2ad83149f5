import type { Concern } from "../../../db/generated/client.js";
import { oneMessagePerKey } from "../../../core/channel-messages.js";
import { CONCERN_ENTITY } from "../../../features/concerns/concern-records.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { conversationSurface } from "../conversation-surface.js";
import { reporterUpdateView } from "../../../features/concerns/conversation/reporter-views.js";
import type { Message } from "../../../conversation/message.js";
import { triageView } from "../../../features/concerns/conversation/triage-view.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";

const triageKey = (reference: string) => ({ entityType: CONCERN_ENTITY, entityId: reference, purpose: "triage", channel: "teams" }) as const;

/**
 * Shows concerns in Teams, whichever channel they came from: one card per concern in the triage conversation,
 * posted once and then updated in place; named reporters who use Teams hear of each step in their personal chat.
 * Anonymous reporters are never messaged: they look with their code.
 */
export function subscribeConcernNotifications(ctx: TeamsContext): void {
  const { prisma, concerns } = ctx.core;
  const events = ctx.core.events.subscriber("teams.triage");
  const conversationId = ctx.teams.triageConversation;
  const show = conversationId ? oneMessagePerKey(prisma, conversationSurface(ctx.messenger, conversationId)) : null;

  /** Re-renders from the database (the event may carry the concern as it was before a later change landed). */
  async function showInTriage(reference: string): Promise<void> {
    await show?.(triageKey(reference), async () => {
      const concern = await concerns.find(reference);
      if (!concern) return null;
      const view = triageView(concern, await concerns.messages(concern.id));
      return cardMessage(adaptiveCardOf(view), view.summary);
    });
  }

  async function tellReporter(concern: Concern, update: Message | null): Promise<void> {
    if (!update || concern.anonymous || concern.reporterChannel !== "teams" || !concern.reporterId) return;
    await ctx.messenger.sendToUser(concern.reporterId, cardMessage(adaptiveCardOf(update), update.summary));
  }

  events.on("concern.received", ({ concern }) => showInTriage(concern.reference));
  events.on("concern.changed", ({ concern }) => showInTriage(concern.reference));
  // Apart from the triage card, so that neither's failure repeats the other.
  ctx.core.events.subscriber("teams.concern-reporter").on("concern.changed", ({ concern, change }) => tellReporter(concern, reporterUpdateView(concern, change)));
}
