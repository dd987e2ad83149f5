import { TeamsInfo, TurnContext, type Activity, type CloudAdapter, type ConversationReference as BotReference } from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import type { ConversationReference, OutgoingMessage, RosterAccount, RosterAccountPage, TeamsAccount } from "./activity.js";
import { withConnectorRetry } from "./retry.js";

/** A roster to read: a team (by team id) or a group or personal chat (by conversation id). */
export interface RosterTarget {
  kind: "team" | "chat";
  id: string;
}

/** Calls the bot makes outside a turn: the Bot Connector (send, update, open a chat) and the Teams roster. */
export interface TeamsConnector {
  /** Posts into the reference's conversation; the new activity id, when Teams gave one. */
  send(reference: Partial<ConversationReference>, message: OutgoingMessage): Promise<string | null>;
  /** Replaces a message the bot posted earlier in the reference's conversation. */
  update(reference: Partial<ConversationReference>, activityId: string, message: OutgoingMessage): Promise<void>;
  /** Opens a personal chat with `member`; its conversation id. */
  createPersonalChat(reference: Partial<ConversationReference>, chat: { bot: TeamsAccount; member: TeamsAccount; tenantId?: string }): Promise<string>;
  /** One roster entry, by Entra object id or Teams user id; fails with 404 when the roster does not list them. */
  rosterMember(reference: Partial<ConversationReference>, target: RosterTarget, userId: string): Promise<RosterAccount>;
  /** A page of a roster, from a continuation token (none: the first page). */
  rosterPage(reference: Partial<ConversationReference>, target: RosterTarget, pageSize: number, continuationToken?: string): Promise<RosterAccountPage>;
  /** A team's details (its name); fails with 4xx when Teams will not describe it to the bot. */
  teamDetails(reference: Partial<ConversationReference>, teamId: string): Promise<{ name?: string }>;
}

/** A message addressed from a reference: the bot as sender, the conversation, and the person when the reference names one. */
const addressed = (message: OutgoingMessage, reference: Partial<ConversationReference>): Partial<Activity> =>
  TurnContext.applyConversationReference({ ...(message as Partial<Activity>) }, reference as Partial<BotReference>);

/**
 * botbuilder's way to reach Teams outside a turn: a proactive turn opened on a reference (`continueConversationAsync`),
 * whose ConnectorClient and TeamsInfo calls do the work, each retried on 412 and 429 (see retry.ts).
 */
export function botbuilderConnector(adapter: CloudAdapter, appId: string | undefined, onRetry: (status: number) => void): TeamsConnector {
  const retrying = <T>(work: () => Promise<T>) => withConnectorRetry(work, { onRetry });

  /** Runs `work` in a turn of the reference's conversation opened by the bot, with its result or error. */
  async function inProactiveTurn<T>(reference: Partial<ConversationReference>, work: (turn: TurnContext) => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await adapter.continueConversationAsync(appId ?? "", reference as Partial<BotReference>, async (turn) => {
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

  const withClient = <T>(reference: Partial<ConversationReference>, work: (client: ConnectorClient) => Promise<T>) =>
    inProactiveTurn(reference, (turn) => work(turn.turnState.get<ConnectorClient>(turn.adapter.ConnectorClientKey)));

  const conversationIdOf = (reference: Partial<ConversationReference>) => {
    const id = reference.conversation?.id;
    if (!id) throw new Error("a Teams conversation reference without a conversation id");
    return id;
  };

  return {
    async send(reference, message) {
      const conversationId = conversationIdOf(reference);
      const sent = await withClient(reference, (client) => retrying(() => client.conversations.sendToConversation(conversationId, addressed(message, reference))));
      return sent.id ?? null;
    },
    async update(reference, activityId, message) {
      const conversationId = conversationIdOf(reference);
      await withClient(reference, (client) =>
        retrying(() => client.conversations.updateActivity(conversationId, activityId, { ...addressed(message, reference), id: activityId })),
      );
    },
    async createPersonalChat(reference, { bot, member, tenantId }) {
      const created = await withClient(reference, (client) =>
        retrying(() =>
          client.conversations.createConversation({
            isGroup: false,
            bot,
            members: [{ id: member.id, name: member.name ?? "" }],
            tenantId,
            channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
          } as never),
        ),
      );
      return created.id;
    },
    rosterMember: (reference, target, userId) =>
      inProactiveTurn(reference, (turn) =>
        retrying(() => (target.kind === "team" ? TeamsInfo.getTeamMember(turn, target.id, userId) : TeamsInfo.getMember(turn, userId))),
      ),
    rosterPage: (reference, target, pageSize, continuationToken) =>
      inProactiveTurn(reference, (turn) =>
        retrying(() =>
          target.kind === "team" ? TeamsInfo.getPagedTeamMembers(turn, target.id, pageSize, continuationToken) : TeamsInfo.getPagedMembers(turn, pageSize, continuationToken),
        ),
      ),
    teamDetails: (reference, teamId) => inProactiveTurn(reference, (turn) => retrying(() => TeamsInfo.getTeamDetails(turn, teamId))),
  };
}
