import { deliveryMessage, isDigestPayload } from "../../../features/scheduler/conversation/neutral-delivery.js";
import type { ClaimedDelivery, DeliveryTransport, SentDelivery } from "../../../features/scheduler/delivery.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsConversationStore } from "../conversation-store.js";
import { adaptiveCardOf, teamsText } from "../conversation/adaptive-card-message.js";
import type { TeamsMessenger } from "../messenger.js";

/**
 * Sends scheduled deliveries to Teams: reminders, escalations and check-in prompts to the person's personal chat
 * (recipient = AAD object id), a management review's inputs to each reviewer's personal chat, the digest to the managers' conversation. A send Teams refuses, or one to someone the
 * bot cannot reach yet, rejects, so the scheduler retries it later instead of counting it as sent.
 */
export class TeamsDeliveryTransport implements DeliveryTransport {
  constructor(
    private readonly messenger: TeamsMessenger,
    private readonly conversations: TeamsConversationStore,
  ) {}

  async send(delivery: ClaimedDelivery, now: Date): Promise<SentDelivery> {
    const message = deliveryMessage(delivery.payload, now);
    const card = cardMessage(adaptiveCardOf(message), teamsText(message.summary));
    if (isDigestPayload(delivery.payload)) {
      const activityId = await this.messenger.post(delivery.recipientId, card);
      if (!activityId) throw new Error("cannot post the digest to Teams: the bot has not been reached in Teams yet");
      return { messageId: activityId, conversationId: delivery.recipientId };
    }
    const sent = await this.messenger.sendToUser(delivery.recipientId, card);
    if (!sent) throw new Error("cannot message this Teams user yet: the bot has never seen them");
    return { messageId: sent.activityId ?? undefined, conversationId: sent.conversationId };
  }

  /** The zone Teams reported on the person's last activity; unknown people fall back to AIMS_TIMEZONE. */
  async timezoneOf(aadObjectId: string): Promise<string | undefined> {
    return (await this.conversations.user(aadObjectId))?.timezone ?? undefined;
  }
}
