import { App } from "@slack/bolt";
import { z } from "zod";

const user = z.object({ id: z.string().min(1) });
const view = z.object({ id: z.string().min(1), callback_id: z.string() });
const stateValues = z.record(z.string(), z.record(z.string(), z.object({})));

/** The parts of each payload the listeners rely on; anything else Bolt and the listeners may treat as optional. */
const PAYLOAD_SHAPES: Record<string, z.ZodType> = {
  view_submission: z.object({ user, view: view.extend({ state: z.object({ values: stateValues }) }) }),
  view_closed: z.object({ user, view }),
  block_actions: z.object({ user, actions: z.array(z.object({ action_id: z.string() })).min(1) }),
  shortcut: z.object({ user, callback_id: z.string() }),
  message_action: z.object({ user, callback_id: z.string(), channel: z.object({ id: z.string() }), message: z.object({}) }),
  event_callback: z.object({ event: z.object({ type: z.string() }) }),
};
const command = z.object({ command: z.string(), user_id: z.string().min(1) });
/** Types Bolt routes that this app has no listeners for; Bolt answers them as it sees fit. */
const UNCHECKED_TYPES = new Set(["block_suggestion", "interactive_message", "dialog_submission", "dialog_cancellation", "dialog_suggestion"]);

/** What is wrong with a Slack payload, naming only its type and the paths at fault (never its contents). */
export function payloadProblem(body: unknown): string | undefined {
  const type = (body as { type?: unknown } | null)?.type;
  if (typeof type === "string" && !PAYLOAD_SHAPES[type] && !UNCHECKED_TYPES.has(type)) return "unknown payload type";
  const shape = typeof type === "string" ? PAYLOAD_SHAPES[type] : "command" in Object(body) ? command : undefined;
  if (!shape) return undefined;
  const parsed = shape.safeParse(body);
  if (parsed.success) return undefined;
  const paths = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(body)"))];
  return `malformed ${typeof type === "string" ? type : "command"} payload: ${paths.join(", ")}`;
}

export class MalformedSlackPayload extends Error {}

/**
 * Bolt with one check before any listener runs: a payload without the parts listeners rely on is refused, so the
 * receiver answers 400 at once instead of a listener throwing and the request timing out.
 */
export class PayloadCheckingApp extends App {
  override async processEvent(event: Parameters<App["processEvent"]>[0]): Promise<void> {
    const problem = payloadProblem(event.body);
    if (problem) throw new MalformedSlackPayload(problem);
    return super.processEvent(event);
  }
}
