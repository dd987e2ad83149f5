import type { WebClient } from "@slack/web-api";
import { findChannelMessage, rememberChannelMessage } from "../../../core/channel-messages.js";
import { leaverReportKey, openDuties } from "../../../features/organisation/open-duties.js";
import { openDutiesReport, openDutiesSummary } from "../../../features/organisation/personal-data-text.js";
import type { SlackContext } from "../context.js";
import { reportBlocks } from "./report-blocks.js";

/**
 * When an account is deactivated, each AIMS owner on Slack gets a DM with what the person still holds (the approvals
 * channel when no owner is on Slack). Each DM is remembered, so a retry tells only those not told yet.
 */
export function subscribeLeaverReport(ctx: SlackContext, client: WebClient): void {
  ctx.core.events.subscriber("slack.leaver-report").on("person.deactivated", async ({ identity }) => {
    const duties = await openDuties(ctx.core, identity);
    if (!duties) return;
    const owners = await ctx.core.roles.members("owner", "slack");
    const targets = owners.length > 0 ? owners : [ctx.slack.approvalsChannel];
    const report = openDutiesReport(duties);
    for (const target of targets) {
      const key = leaverReportKey(duties, "slack", target);
      if (await findChannelMessage(ctx.core.prisma, key)) continue;
      const posted = await client.chat.postMessage({ channel: target, text: openDutiesSummary(duties), blocks: reportBlocks(report) });
      await rememberChannelMessage(ctx.core.prisma, key, { conversationId: posted.channel ?? target, messageId: posted.ts! });
    }
  });
}
