import type { WebClient } from "@slack/web-api";
import { rememberChannelMessage } from "../../../core/channel-messages.js";
import type { SlackContext } from "../context.js";
import { assessorOutcomeMessage, signOffMessage } from "../../../features/assessments/conversation/assessment-sign-off-views.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";
import { followSignOff, signOffCopies, signOffCopyKey, type AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";

/**
 * Sign-off requests go to the configured owners' channel, or by DM to each AIMS owner on Slack. Every copy, of every
 * round, is remembered so a review by one owner updates them all; the assessor hears the outcome by DM.
 */
export function subscribeAssessmentNotifications(ctx: SlackContext, client: WebClient, signOffChannel: string | undefined): void {
  const { events, prisma, roles, assessments } = ctx.core;


  async function askOwners(assessment: AssessmentWithSubject) {
    const message = blockKitMessage(signOffMessage(assessment));
    const targets = signOffChannel ? [signOffChannel] : await roles.members("owner", "slack");
    if (targets.length === 0) ctx.logger.warn({ assessment: assessment.reference }, "no AIMS owners on Slack to sign off the assessment");
    for (const target of targets) {
      const posted = await client.chat.postMessage({ channel: target, ...message });
      await rememberChannelMessage(prisma, signOffCopyKey(assessment, "slack", target), { conversationId: posted.channel ?? target, messageId: posted.ts! });
    }
  }

  async function updateOwnerCopies(assessment: AssessmentWithSubject) {
    const copies = await signOffCopies(prisma, assessment, "slack");
    const message = blockKitMessage(signOffMessage(assessment));
    await Promise.all(copies.map((copy) => client.chat.update({ channel: copy.conversationId, ts: copy.messageId, ...message })));
  }

  async function tellAssessor(assessment: AssessmentWithSubject) {
    if (assessment.assessorChannel !== "slack") return;
    await client.chat.postMessage({ channel: assessment.assessorId, ...blockKitMessage(assessorOutcomeMessage(assessment)) });
  }

  followSignOff({ owners: events.subscriber("slack.sign-off"), assessor: events.subscriber("slack.assessor") }, assessments, { askOwners, updateOwnerCopies, tellAssessor });
}
