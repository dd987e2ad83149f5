import type { Logger } from "../../log/logger.js";
import type { TeamsConversationStore } from "./conversation-store.js";
import type { ConversationReference, OutgoingMessage, TeamsConnector, TeamsConversation } from "./transport/index.js";

/** A message the bot sent: its conversation, and its activity id when Teams gave one. */
export interface SentMessage {
  conversationId: string;
  activityId: string | null;
}

/** Proactive messages: posts, card updates and 1:1 messages outside a turn, through the stored references. */
export class TeamsMessenger {
  constructor(
    /** The transport's calls outside a turn (retried on 412/429 and counted when they are). */
    readonly connector: TeamsConnector,
    private readonly conversations: TeamsConversationStore,
    private readonly logger: Logger,
  ) {}

  /** Posts to a conversation by id; returns the new activity id, or null when Teams has not been reached yet. */
  async post(conversationId: string, message: OutgoingMessage): Promise<string | null> {
    const reference = await this.referenceFor(conversationId);
    if (!reference) return null;
    return this.connector.send(reference, message);
  }

  /**
   * Posts into the conversation of a reference taken from an earlier turn, without reading the database: how work that
   * outlives its turn reports back even when the database is what failed.
   */
  async postTo(turnReference: Partial<ConversationReference>, message: OutgoingMessage): Promise<string | null> {
    if (!turnReference.conversation?.id) return null;
    return this.connector.send(proactiveReference(turnReference, turnReference.conversation), message);
  }

  /** Replaces a message the bot posted earlier (updateActivity), so everyone sees the new card. */
  async update(conversationId: string, activityId: string, message: OutgoingMessage): Promise<void> {
    const reference = await this.referenceFor(conversationId);
    if (!reference) return;
    await this.connector.update(reference, activityId, message);
  }

  /**
   * Messages a person 1:1, opening the personal chat first when the bot has only seen them in a channel. Returns
   * where the message went, so it can be updated later; null when the person cannot be reached.
   */
  async sendToUser(aadObjectId: string, message: OutgoingMessage): Promise<SentMessage | null> {
    const user = await this.conversations.user(aadObjectId);
    if (!user) {
      this.logger.warn({ aadObjectId }, "cannot message this Teams user: the bot has never seen them");
      return null;
    }
    const personalChat = user.personalChat ?? (await this.openPersonalChat(user));
    if (!personalChat) return null;
    const activityId = await this.connector.send(proactiveReference(personalChat, personalChat.conversation), message);
    return { conversationId: personalChat.conversation.id, activityId };
  }

  private async openPersonalChat(user: NonNullable<Awaited<ReturnType<TeamsConversationStore["user"]>>>) {
    const known = await this.conversations.latestReference();
    if (!known?.bot) return null;
    // The chat does not exist yet: the turn that opens it runs as the bot alone, in none of the borrowed reference's.
    const reference = proactiveReference({ ...known, serviceUrl: user.serviceUrl }, undefined);
    const created = await this.connector.createPersonalChat(reference, {
      bot: known.bot,
      member: { id: user.teamsUserId, name: user.name ?? "" },
      tenantId: user.tenantId ?? undefined,
    });
    const chat: ConversationReference = {
      channelId: known.channelId,
      serviceUrl: user.serviceUrl,
      bot: known.bot,
      user: { id: user.teamsUserId, name: user.name ?? "", aadObjectId: user.aadObjectId },
      conversation: { id: created, conversationType: "personal", isGroup: false, tenantId: user.tenantId ?? undefined, name: "" },
    };
    await this.conversations.rememberPersonalChat(user.aadObjectId, chat);
    return chat;
  }

  /**
   * For a conversation never seen (say, the approvals channel before anyone spoke there), the tenant's service URL and
   * bot account from the latest reference, and nothing else of it.
   */
  async referenceFor(conversationId: string): Promise<Partial<ConversationReference> | null> {
    const stored = await this.conversations.reference(conversationId);
    if (stored) return proactiveReference(stored, stored.conversation);
    const known = await this.conversations.latestReference();
    if (!known) {
      this.logger.warn({ conversationId }, "cannot post to Teams yet: install the bot in Teams (no conversation seen)");
      return null;
    }
    const channel: TeamsConversation = { id: conversationId, conversationType: "channel", isGroup: true, tenantId: known.conversation?.tenantId };
    return proactiveReference(known, channel);
  }
}

/**
 * The one place proactive sends are addressed: the bot's account, channel and service URL from `via`, the conversation,
 * and a person (with their locale) only in their own personal chat, where the message is for them. The SDK copies
 * the reference's user into the activity's `recipient` (and into the proactive turn); in a channel's reference that
 * user is whoever spoke there last, and in a borrowed one whoever spoke to the bot last anywhere: often the
 * anonymous reporter themself.
 */
function proactiveReference(via: Partial<ConversationReference>, conversation: TeamsConversation | undefined): Partial<ConversationReference> {
  const { channelId, serviceUrl, bot } = via;
  const ownPersonalChat = conversation?.conversationType === "personal" && conversation.id === via.conversation?.id;
  return { channelId, serviceUrl, bot, conversation, ...(ownPersonalChat ? { user: via.user, locale: via.locale } : {}) };
}
