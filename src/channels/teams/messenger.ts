import { TurnContext, type Activity, type CloudAdapter, type ConversationAccount, type ConversationReference } from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import type { Logger } from "../../log/logger.js";
import type { Metrics } from "../../metrics/metrics.js";
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
    private readonly metrics: Metrics,
  ) {}

  /** Bot Connector calls, retried on 412/429 and counted when they are. */
  retrying<T>(work: () => Promise<T>): Promise<T> {
    return withConnectorRetry(work, { onRetry: (status) => this.metrics.teamsConnectorRetried(status) });
  }

  /** Posts to a conversation by id; returns the new activity id, or null when Teams has not been reached yet. */
  async post(conversationId: string, activity: OutgoingActivity): Promise<string | null> {
    const reference = await this.referenceFor(conversationId);
    if (!reference) return null;
    return this.withConnector(reference, async (client) => {
      const sent = await this.retrying(() =>
        client.conversations.sendToConversation(conversationId, outgoing(activity, reference)),
      );
      return sent.id ?? null;
    });
  }

  /**
   * Posts into the conversation of a reference taken from an earlier turn, without reading the database: how work that
   * outlives its turn reports back even when the database is what failed.
   */
  async postTo(turnReference: Partial<ConversationReference>, activity: OutgoingActivity): Promise<string | null> {
    const conversationId = turnReference.conversation?.id;
    if (!conversationId) return null;
    const reference = proactiveReference(turnReference, turnReference.conversation);
    return this.withConnector(reference, async (client) => {
      const sent = await this.retrying(() => client.conversations.sendToConversation(conversationId, outgoing(activity, reference)));
      return sent.id ?? null;
    });
  }

  /** Replaces a message the bot posted earlier (updateActivity), so everyone sees the new card. */
  async update(conversationId: string, activityId: string, activity: OutgoingActivity): Promise<void> {
    const reference = await this.referenceFor(conversationId);
    if (!reference) return;
    await this.withConnector(reference, (client) =>
      this.retrying(() =>
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
    const personalChat = user.personalChat ?? (await this.openPersonalChat(user));
    if (!personalChat) return null;
    const chat = proactiveReference(personalChat, personalChat.conversation);
    const sent = await this.withConnector(chat, (client) =>
      this.retrying(() => client.conversations.sendToConversation(personalChat.conversation.id, outgoing(activity, chat))),
    );
    return { conversationId: personalChat.conversation.id, activityId: sent.id ?? null };
  }

  private async openPersonalChat(user: NonNullable<Awaited<ReturnType<TeamsConversationStore["user"]>>>) {
    const known = await this.conversations.latestReference();
    if (!known?.bot) return null;
    // The chat does not exist yet: the turn that opens it runs as the bot alone, in none of the borrowed reference's.
    const reference = proactiveReference({ ...known, serviceUrl: user.serviceUrl }, undefined);
    const created = await this.withConnector(reference, (client) =>
      this.retrying(() =>
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
    const channel = { id: conversationId, conversationType: "channel", isGroup: true, tenantId: known.conversation?.tenantId } as ConversationAccount;
    return proactiveReference(known, channel);
  }

  private withConnector<T>(reference: Partial<ConversationReference>, work: (client: ConnectorClient) => Promise<T>): Promise<T> {
    return this.inProactiveTurn(reference, (turn) => work(turn.turnState.get<ConnectorClient>(turn.adapter.ConnectorClientKey)));
  }

  /** Runs `work` in a turn of the reference's conversation opened by the bot (roster reads need a turn), with its result or error. */
  async inProactiveTurn<T>(reference: Partial<ConversationReference>, work: (turn: TurnContext) => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId ?? "", reference, async (turn) => {
      // Caught here: botbuilder would hand the error to onTurnError, which only logs it, and the caller (a scheduled
      // delivery that must be retried, say) would take a failed send for a sent one.
      try {
        outcome = { ok: true, value: await work(turn) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (!outcome) throw new Error("the Teams proactive turn did not run");
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
}

/**
 * The one place proactive sends are addressed: the bot's account, channel and service URL from `via`, the conversation,
 * and a person (with their locale) only in their own personal chat, where the message is for them. botbuilder copies
 * the reference's user into the activity's `recipient` (and into the proactive turn); in a channel's reference that
 * user is whoever spoke there last, and in a borrowed one whoever spoke to the bot last anywhere: often the
 * anonymous reporter themself.
 */
function proactiveReference(via: Partial<ConversationReference>, conversation: ConversationAccount | undefined): Partial<ConversationReference> {
  const { channelId, serviceUrl, bot } = via;
  const ownPersonalChat = conversation?.conversationType === "personal" && conversation.id === via.conversation?.id;
  return { channelId, serviceUrl, bot, conversation, ...(ownPersonalChat ? { user: via.user, locale: via.locale } : {}) };
}

function outgoing(activity: OutgoingActivity, reference: Partial<ConversationReference>): Partial<Activity> {
  return TurnContext.applyConversationReference({ ...activity }, reference);
}
