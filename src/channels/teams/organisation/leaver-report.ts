import { findChannelMessage, rememberChannelMessage } from "../../../core/channel-messages.js";
import { leaverReportKey, openDuties } from "../../../features/organisation/open-duties.js";
import { openDutiesReport, openDutiesSummary } from "../../../features/organisation/personal-data-text.js";
import type { TeamsContext } from "../context.js";
import { reportMessage } from "./report-card.js";

/**
 * When an account is deactivated, each AIMS owner on Teams gets what the person still holds in their personal chat
 * (the approvals conversation when no owner is on Teams). Each message is remembered, so a retry tells only those not
 * told yet.
 */
export function subscribeLeaverReport(ctx: TeamsContext): void {
  ctx.core.events.subscriber("teams.leaver-report").on("person.deactivated", async ({ identity }) => {
    const duties = await openDuties(ctx.core, identity);
    if (!duties) return;
    const message = reportMessage(openDutiesReport(duties), openDutiesSummary(duties));
    const owners = await ctx.core.roles.members("owner", "teams");
    const targets = owners.length > 0 ? owners : [ctx.teams.approvalsConversation];
    for (const target of targets) {
      const key = leaverReportKey(duties, "teams", target);
      if (await findChannelMessage(ctx.core.prisma, key)) continue;
      const sent = owners.length > 0 ? await ctx.messenger.sendToUser(target, message) : { conversationId: target, activityId: await ctx.messenger.post(target, message) };
      if (!sent?.activityId) {
        ctx.logger.warn({ owner: target }, "could not tell a Teams AIMS owner about a leaver's open duties");
        continue;
      }
      await rememberChannelMessage(ctx.core.prisma, key, { conversationId: sent.conversationId, messageId: sent.activityId });
    }
  });
}
