import type { WebClient } from "@slack/web-api";
import { linkAnswerView } from "../../../features/link-answers/conversation/link-answer-views.js";
import type { SlackContext } from "../context.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";
import { slackActor } from "../slack-actor.js";

/**
 * Answers the person who shared `urls` in `channel` with an ephemeral message only they see, when the bot can place
 * a link and has not told them about that tool lately; otherwise says nothing. Never posts in the channel itself.
 */
export async function answerSharedLinks(ctx: SlackContext, client: WebClient, input: { channel: string; user: string; urls: string[]; threadTs?: string }): Promise<void> {
  if (input.urls.length === 0) return;
  try {
    const answer = await ctx.core.linkAnswers.answerFor(slackActor(input.user), input.channel, input.urls);
    if (!answer) return;
    const { text, blocks } = blockKitMessage(linkAnswerView(answer));
    await client.chat.postEphemeral({ channel: input.channel, user: input.user, text, blocks, ...(input.threadTs ? { thread_ts: input.threadTs } : {}) });
  } catch (error) {
    ctx.logger.warn({ err: error, channel: input.channel }, "could not answer a shared link");
  }
}
