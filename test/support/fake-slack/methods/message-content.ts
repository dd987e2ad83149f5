import { describeProblem, messageBlockProblems } from "../block-kit-limits.js";
import type { Json, WorkspaceState } from "../workspace-state.js";
import { SlackApiError } from "./method-handler.js";

export const MESSAGE_TEXT_LIMIT = 40_000;

export interface MessageContent {
  text: string;
  blocks?: unknown;
  attachments?: unknown;
  metadata?: unknown;
}

/** Validates a message's text/blocks as Slack does: refuses bad blocks, truncates (not refuses) long text. */
export function messageContent(args: Json): MessageContent {
  const hasText = typeof args.text === "string" && args.text !== "";
  if (!hasText && args.blocks === undefined && args.attachments === undefined) {
    throw new SlackApiError("no_text");
  }
  const problems = messageBlockProblems(args.blocks);
  if (problems.length > 0) {
    const errors = problems.map(describeProblem);
    throw new SlackApiError("invalid_blocks", {
      errors,
      response_metadata: { messages: errors.map((error) => `[ERROR] ${error}`) },
    });
  }
  const content: MessageContent = { text: hasText ? (args.text as string).slice(0, MESSAGE_TEXT_LIMIT) : "" };
  if (args.blocks !== undefined) content.blocks = args.blocks;
  if (args.attachments !== undefined) content.attachments = args.attachments;
  if (args.metadata !== undefined) content.metadata = args.metadata;
  return content;
}

/** The `message` object Slack returns for a message the bot posted. */
export function botMessageView(state: WorkspaceState, ts: string, content: MessageContent, threadTs?: string): Json {
  const { botUserId, botId, apiAppId, teamId } = state.identity;
  return {
    type: "message",
    user: botUserId,
    bot_id: botId,
    app_id: apiAppId,
    team: teamId,
    ts,
    ...content,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
}
