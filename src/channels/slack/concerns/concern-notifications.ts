import type { WebClient } from "@slack/web-api";
import type { Concern } from "../../../db/generated/client.js";
import { oneMessagePerKey } from "../../../core/channel-messages.js";
import { CONCERN_ENTITY } from "../../../features/concerns/concern-records.js";
import { escapeMrkdwn } from "../blocks/text.js";
import { channelSurface } from "../channel-surface.js";
import type { SlackContext } from "../context.js";
import { receiptView, reporterUpdateView } from "../../../features/concerns/conversation/reporter-views.js";
import type { Message } from "../../../conversation/message.js";
import { triageView } from "../../../features/concerns/conversation/triage-view.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";

const triageKey = (reference: string) => ({ entityType: CONCERN_ENTITY, entityId: reference, purpose: "triage", channel: "slack" }) as const;

/**
 * Shows concerns in Slack: one message per concern in the triage conversation, updated in place; answers from the
 * reporter also go to its thread so triagers are notified; named reporters hear of each step by DM.
 */
export function subscribeConcernNotifications(ctx: SlackContext, client: WebClient): void {
  const { prisma, concerns } = ctx.core;
  const events = ctx.core.events.subscriber("slack.triage");
  const triageChannel = ctx.slack.triageChannel;

  const show = triageChannel ? oneMessagePerKey(prisma, channelSurface(client, triageChannel)) : null;

  /** Re-renders from the database (the event may carry the concern as it was before a later change landed). */
  async function showInTriage(reference: string): Promise<string | null> {
    if (!show) return null;
    const shown = await show(triageKey(reference), async () => {
      const concern = await concerns.find(reference);
      return concern ? blockKitMessage(triageView(concern, await concerns.messages(concern.id))) : null;
    });
    return shown?.messageId ?? null;
  }

  async function dmReporter(concern: Concern, view: Message | null) {
    if (!view || concern.anonymous || concern.reporterChannel !== "slack" || !concern.reporterId) return;
    await client.chat.postMessage({ channel: concern.reporterId, ...blockKitMessage(view) });
  }

  events.on("concern.received", async ({ concern }) => void (await showInTriage(concern.reference)));
  events.on("concern.changed", async ({ concern, change }) => {
    const ts = await showInTriage(concern.reference);
    if (change.kind === "answer" && triageChannel && ts) {
      await client.chat.postMessage({
        channel: triageChannel,
        thread_ts: ts,
        text: `${CONCERN_WORDING.reporterAnswered(concern.reference)}\n>${escapeMrkdwn(change.message.body).replace(/\n/g, "\n>")}`,
      });
    }
  });

  // Apart from the triage message, so that neither's failure repeats the other.
  const reporter = ctx.core.events.subscriber("slack.concern-reporter");
  reporter.on("concern.received", ({ concern }) => dmReporter(concern, receiptView(concern)));
  reporter.on("concern.changed", ({ concern, change }) => dmReporter(concern, reporterUpdateView(concern, change)));
}
