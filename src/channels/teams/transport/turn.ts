import { TurnContext, type Activity } from "botbuilder";
import type { ConversationReference, OutgoingMessage, TeamsActivity } from "./activity.js";

/**
 * One incoming activity being answered: what Teams sent and how to answer in its conversation. The Teams code
 * handles turns through this alone; `turnOf` makes one of botbuilder's TurnContext.
 */
export interface TeamsTurn {
  readonly activity: TeamsActivity;
  /** Replies in the activity's conversation (text is sent as plain text); the new message's id, when Teams gave one. */
  send(message: OutgoingMessage | string): Promise<string | null>;
  /** Replaces a message the bot sent in this conversation. */
  update(activityId: string, message: OutgoingMessage): Promise<void>;
  /** The activity's conversation as a stored reference, to reach it again after the turn. */
  reference(): ConversationReference;
}

/** The conversation reference of an activity, without its activity id (the shape TeamsConversation stores). */
export function conversationReferenceOf(activity: TeamsActivity): ConversationReference {
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity as Partial<Activity>);
  return reference as ConversationReference;
}

/**
 * What the person typed, without the @mention of the bot that channel messages start with (botbuilder's rule, which
 * also writes the result back into the activity's text).
 */
export function textWithoutBotMention(activity: Partial<TeamsActivity>): string | undefined {
  return TurnContext.removeRecipientMention(activity as Partial<Activity>) ?? activity.text;
}

export function turnOf(context: TurnContext): TeamsTurn {
  return {
    activity: context.activity,
    send: async (message) => (await context.sendActivity(message as Partial<Activity> | string))?.id ?? null,
    update: async (activityId, message) => {
      await context.updateActivity({ ...(message as Partial<Activity>), id: activityId });
    },
    reference: () => conversationReferenceOf(context.activity),
  };
}
