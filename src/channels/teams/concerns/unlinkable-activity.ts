import { typedText } from "../commands/command.js";
import { asksAnonymity } from "../../../features/concerns/conversation/concern-form-view.js";
import { ANONYMOUS_REPORTER_VERBS, CONCERN_VERBS, REPORT_CONCERN_COMMAND } from "./concern-verbs.js";
import type { TeamsActivity } from "../transport/index.js";

const CONCERN_COMMAND = /^concern\b/i;

/**
 * True for the activities of someone who may be reporting a concern anonymously: the `concern` messages (form and
 * follow-up), opening the "Report an AI concern" message action, an anonymous submission (card or dialog), and the
 * follow-up clicks. The Teams edge remembers the conversation and the
 * sender of every other activity (conversation-store.ts); for these it must write nothing, not even an updated
 * timestamp, or the person's TeamsUser / TeamsConversation rows would say who was active when the concern came in.
 * A named submission is remembered: its reporter is told in their personal chat.
 */
export function isUnlinkableActivity(activity: TeamsActivity): boolean {
  if (activity.type === "message") {
    return CONCERN_COMMAND.test(typedText(activity));
  }
  if (activity.type === "invoke" && (activity.name === "composeExtension/fetchTask" || activity.name === "composeExtension/submitAction")) {
    const action = activity.value as { commandId?: unknown; data?: Record<string, unknown> } | undefined;
    if (action?.commandId !== REPORT_CONCERN_COMMAND) return false;
    return activity.name === "composeExtension/fetchTask" || asksAnonymity(action.data ?? {});
  }
  if (activity.type === "invoke" && activity.name === "adaptiveCard/action") {
    const action = (activity.value as { action?: { verb?: unknown; data?: Record<string, unknown> } } | undefined)?.action;
    const verb = typeof action?.verb === "string" ? action.verb : "";
    if (ANONYMOUS_REPORTER_VERBS.includes(verb)) return true;
    return verb === CONCERN_VERBS.submit && asksAnonymity(action?.data ?? {});
  }
  return false;
}
