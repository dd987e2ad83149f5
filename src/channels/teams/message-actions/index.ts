import type { Actor } from "../../../core/actor.js";
import { fetchConcernDialog, submitConcernDialog } from "../concerns/concern-message-action.js";
import { REPORT_CONCERN_COMMAND } from "../concerns/concern-verbs.js";
import type { TeamsContext } from "../context.js";
import { ADD_TO_TIMELINE_COMMAND, fetchTimelineDialog, submitTimelineDialog } from "../incidents/timeline-message-action.js";
import { failureMessage } from "../reply.js";
import { teamsActor, UNKNOWN_PERSON_MESSAGE } from "../teams-actor.js";
import { dialogMessage } from "./dialog.js";
import type { MessageAction as TeamsMessageAction, MessageActionResponse, TeamsTurn } from "../transport/index.js";

interface MessageAction {
  fetch(ctx: TeamsContext, turn: TeamsTurn, action: TeamsMessageAction): Promise<MessageActionResponse>;
  submit(ctx: TeamsContext, actor: Actor, action: TeamsMessageAction): Promise<MessageActionResponse>;
}

/** The message actions of the manifest's composeExtensions, by command id: the Teams side of Slack's message shortcuts. */
export const MESSAGE_ACTIONS: Readonly<Record<string, MessageAction>> = {
  [REPORT_CONCERN_COMMAND]: { fetch: fetchConcernDialog, submit: submitConcernDialog },
  [ADD_TO_TIMELINE_COMMAND]: { fetch: fetchTimelineDialog, submit: submitTimelineDialog },
};

const UNSUPPORTED = "That action is no longer supported. Send **help** to see what I can do.";

async function answer(ctx: TeamsContext, action: TeamsMessageAction, work: (handler: MessageAction) => Promise<MessageActionResponse>) {
  const handler = MESSAGE_ACTIONS[action.commandId ?? ""];
  if (!handler) return dialogMessage(UNSUPPORTED);
  try {
    return await work(handler);
  } catch (error) {
    // The concern dialogs answer their own failures without logging anything that could identify the reporter.
    return dialogMessage(failureMessage(error, ctx.logger, { messageAction: action.commandId }));
  }
}

export function fetchMessageAction(ctx: TeamsContext, turn: TeamsTurn, action: TeamsMessageAction) {
  return answer(ctx, action, (handler) => handler.fetch(ctx, turn, action));
}

export function submitMessageAction(ctx: TeamsContext, turn: TeamsTurn, action: TeamsMessageAction) {
  const actor = teamsActor(turn.activity);
  if (!actor) return Promise.resolve(dialogMessage(UNKNOWN_PERSON_MESSAGE));
  return answer(ctx, action, (handler) => handler.submit(ctx, actor, action));
}
