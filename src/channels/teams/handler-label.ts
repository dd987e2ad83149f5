import type { HandlerLabel } from "../../metrics/metrics.js";
import { COMMANDS, commandWordOf } from "./commands/index.js";
import { ACTIVITY_TYPES as ACTIVITY_TYPE_NAMES, type TeamsActivity } from "./transport/index.js";
import { TEAMS_VERBS } from "./verbs.js";

const COMMAND_NAMES = new Set(COMMANDS.map((command) => command.name));
const VERBS = new Set<string>(Object.values(TEAMS_VERBS));
/** The invokes the bot answers besides card buttons (message actions, file consent). */
const INVOKE_NAMES = new Set(["composeExtension/fetchTask", "composeExtension/submitAction", "fileConsent/invoke"]);
const ACTIVITY_TYPES = new Set<string>(ACTIVITY_TYPE_NAMES);

const label = (surface: HandlerLabel["surface"], handler: string): HandlerLabel => ({ channel: "teams", surface, handler });

/** The metric label of a Teams activity: a message's command word, an invoke's verb; only names the bot knows. */
export function teamsHandlerLabel(activity: Partial<Omit<TeamsActivity, "value">> & { value?: { action?: { verb?: unknown } } }): HandlerLabel {
  if (activity.type === "message") {
    const word = commandWordOf(activity);
    return label("message", COMMAND_NAMES.has(word) ? word : "other");
  }
  if (activity.type === "invoke") {
    if (activity.name === "adaptiveCard/action") {
      const verb = activity.value?.action?.verb;
      return label("invoke", typeof verb === "string" && VERBS.has(verb) ? verb : "other");
    }
    return label("invoke", activity.name && INVOKE_NAMES.has(activity.name) ? activity.name : "other");
  }
  return label("other", activity.type && ACTIVITY_TYPES.has(activity.type) ? activity.type : "other");
}
