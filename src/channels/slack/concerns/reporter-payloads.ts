import { SLACK_IDS } from "../ids.js";
import { concernSubcommand } from "./concern-subcommand.js";

const ids = SLACK_IDS.concerns;
const REPORTER_SHORTCUTS = new Set<string>([ids.messageShortcut, ids.globalShortcut]);
const REPORTER_VIEWS = new Set<string>([ids.views.submit, ids.views.followUpSecret, ids.views.followUpAnswer, ids.views.answer]);

interface Payload {
  command?: string;
  text?: string;
  callback_id?: string;
  view?: { callback_id?: string };
  actions?: { action_id?: string }[];
}

/**
 * Whether the payload comes from a concern reporter's side: `/aims concern`, the concern shortcuts, the forms and
 * buttons a reporter uses. Nothing may be looked up or stored about who sent these: a directory lookup at that
 * moment would tie an anonymous reporter to their report by its time.
 */
export function fromConcernReporter(body: unknown): boolean {
  const payload = (body ?? {}) as Payload;
  if (typeof payload.command === "string") {
    return (payload.text ?? "").trim().split(/\s+/, 1)[0]?.toLowerCase() === concernSubcommand.name;
  }
  if (payload.callback_id && REPORTER_SHORTCUTS.has(payload.callback_id)) return true;
  if (payload.view?.callback_id && REPORTER_VIEWS.has(payload.view.callback_id)) return true;
  return (payload.actions ?? []).some((action) => action.action_id === ids.actions.answer);
}
