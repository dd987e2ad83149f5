import type { HandlerLabel, Surface } from "../../metrics/metrics.js";
import { ASSESSMENT_IDS } from "./assessments/ids.js";
import { SLACK_IDS } from "./ids.js";
import { SUBCOMMANDS } from "./listeners/subcommands/index.js";

const leaves = (ids: object): string[] => Object.values(ids).flatMap((value) => (typeof value === "string" ? [value] : leaves(value)));

/** The bot's own action and callback ids: only these become label values, so a label never carries input. */
const KNOWN_IDS = new Set(leaves({ SLACK_IDS, ASSESSMENT_IDS }));
const SUBCOMMAND_NAMES = new Set(SUBCOMMANDS.map((subcommand) => subcommand.name));
/** Slack's own event type names (app_home_opened, message, …): a fixed vocabulary. */
const EVENT_TYPE = /^[a-z_]{1,48}$/;

const known = (id: unknown) => (typeof id === "string" && KNOWN_IDS.has(id) ? id : "other");

interface SlackBody {
  type?: string;
  command?: string;
  text?: string;
  actions?: { action_id?: string }[];
  view?: { callback_id?: string };
  callback_id?: string;
  event?: { type?: string };
}

const label = (surface: Surface, handler: string): HandlerLabel => ({ channel: "slack", surface, handler });

/** The metric label of a Slack request: the kind of interaction and the bot's name for its handler. */
export function slackHandlerLabel(body: SlackBody): HandlerLabel {
  if (body.command !== undefined) {
    const name = (body.text ?? "").trim().split(/\s+/, 1)[0]!.toLowerCase();
    return label("slash_command", SUBCOMMAND_NAMES.has(name) ? name : "other");
  }
  switch (body.type) {
    case "block_actions":
      return label("block_action", known(body.actions?.[0]?.action_id));
    case "view_submission":
      return label("view_submission", known(body.view?.callback_id));
    case "shortcut":
    case "message_action":
      return label("shortcut", known(body.callback_id));
    case "event_callback": {
      const type = body.event?.type ?? "";
      return label("event", EVENT_TYPE.test(type) ? type : "other");
    }
    default:
      return label("other", "other");
  }
}
