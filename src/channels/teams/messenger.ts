import { TurnContext, type Activity, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import type { Logger } from "../../log/logger.js";
import type { TeamsConversationStore } from "./conversation-store.js";
import { withConnectorRetry } from "./retry.js";

type OutgoingActivity = Partial<Activity>;

/** A message the bot sent: its conversation, and its activity id when Teams gave one. */
export interface SentMessage {
  conversationId: string;
  activityId: string | null;
}

/** Proactive messages: posts, card updates and 1:1 messages outside a turn, through the stored references. */
export class TeamsMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
    private readonly conversations: TeamsConversationStore,
    private readonly logger: Logger,
  ) {}

  /** Posts to a conversation by id; returns the new activity id, or null when Teams has not been reached yet. */
  async post(conversationId: string, activity: OutgoingActivity): Promise<string | null> {
    const reference = await this.referenceFor(conversationId);
    if (!reference) return null;
    return this.withConnector(reference, async (client) => {
      const sent = await withConnectorRetry(() =>
        client.conversations.sendToConversation(conversationId, outgoing(activity, reference)),
      );
      return sent.id ?? null;
    });
  }

  /**
   * Posts into the conversation of a reference taken from an earlier turn, without reading the database: how work that
   * outlives its turn reports back even when the database is what failed.
   */
  async postTo(reference: Partial<ConversationReference>, activity: OutgoingActivity): Promise<string | null> {
    const conversationId = reference.conversation?.id;
    if (!conversationId) return null;
    return this.withConnector(reference, async (client) => {
      const sent = await withConnectorRetry(() => client.conversations.sendToConversation(conversationId, outgoing(activity, reference)));
      return sent.id ?? null;
    });
  }

  /** Replaces a message the bot posted earlier (updateActivity), so everyone sees the new card. */
  async update(conversationId: string, activityId: string, activity: OutgoingActivity): Promise<void> {
    const reference = await this.referenceFor(conversationId);
    if (!reference) return;
    await this.withConnector(reference, (client) =>
      withConnectorRetry(() =>
        client.conversations.updateActivity(conversationId, activityId, { ...outgoing(activity, reference), id: activityId }),
      ),
    );
  }

  /**
   * Messages a person 1:1, opening the personal chat first when the bot has only seen them in a channel. Returns
   * where the message went, so it can be updated later; null when the person cannot be reached.
   */
  async sendToUser(aadObjectId: string, activity: OutgoingActivity): Promise<SentMessage | null> {
    const user = await this.conversations.user(aadObjectId);
    if (!user) {
      this.logger.warn({ aadObjectId }, "cannot message this Teams user: the bot has never seen them");
      return null;
    }
    const chat = user.personalChat ?? (await this.openPersonalChat(user));
    if (!chat) return null;
    const sent = await this.withConnector(chat, (client) =>
      withConnectorRetry(() => client.conversations.sendToConversation(chat.conversation.id, outgoing(activity, chat))),
    );
    return { conversationId: chat.conversation.id, activityId: sent.id ?? null };
  }

  private async openPersonalChat(user: NonNullable<Awaited<ReturnType<TeamsConversationStore["user"]>>>) {
    const known = await this.conversations.latestReference();
    if (!known?.bot) return null;
    const reference = { ...known, serviceUrl: user.serviceUrl };
    const created = await this.withConnector(reference, (client) =>
      withConnectorRetry(() =>
        client.conversations.createConversation({
          isGroup: false,
          bot: known.bot,
          members: [{ id: user.teamsUserId, name: user.name ?? "" }],
          tenantId: user.tenantId ?? undefined,
          channelData: user.tenantId ? { tenant: { id: user.tenantId } } : undefined,
        } as never),
      ),
    );
    const chat: ConversationReference = {
      channelId: known.channelId,
      serviceUrl: user.serviceUrl,
      bot: known.bot,
      user: { id: user.teamsUserId, name: user.name ?? "", aadObjectId: user.aadObjectId },
      conversation: { id: created.id, conversationType: "personal", isGroup: false, tenantId: user.tenantId ?? undefined, name: "" },
    };
    await this.conversations.rememberPersonalChat(user.aadObjectId, chat);
    return chat;
  }

  /** For a conversation never seen (say, the approvals channel before anyone spoke there), the tenant's service URL. */
  private async referenceFor(conversationId: string): Promise<ConversationReference | null> {
    const stored = await this.conversations.reference(conversationId);
    if (stored) return stored;
    const known = await this.conversations.latestReference();
    if (!known) {
      this.logger.warn({ conversationId }, "cannot post to Teams yet: install the bot in Teams (no conversation seen)");
      return null;
    }
    return { ...known, conversation: { ...known.conversation, id: conversationId, conversationType: "channel", isGroup: true } };
  }

  private async withConnector<T>(reference: Partial<ConversationReference>, work: (client: ConnectorClient) => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId ?? "", reference, async (turn) => {
      // Caught here: botbuilder would hand the error to onTurnError, which only logs it, and the caller (a scheduled
      // delivery that must be retried, say) would take a failed send for a sent one.
      try {
        outcome = { ok: true, value: await work(turn.turnState.get<ConnectorClient>(turn.adapter.ConnectorClientKey)) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (!outcome) throw new Error("the Teams proactive turn did not run");
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
}

function outgoing(activity: OutgoingActivity, reference: Partial<ConversationReference>): Partial<Activity> {
  return TurnContext.applyConversationReference({ ...activity }, reference);
}
