import { rememberChannelMessage } from "../../../core/channel-messages.js";
import { cardMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { followSignOff, signOffCopies, signOffCopyKey, type AssessmentWithSubject } from "../../../features/assessments/sign-off-flow.js";
import { assessorOutcomeMessage, signOffMessage } from "../../../features/assessments/conversation/assessment-sign-off-views.js";
import type { Message } from "../../../conversation/message.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";

const cardOf = (message: Message) => cardMessage(adaptiveCardOf(message), message.summary);

/**
 * Impact assessments in Teams, whichever channel they were filled in: each Teams AIMS owner (TEAMS_OWNERS) gets a
 * sign-off card in their personal chat; every copy posted into a known chat, of every round, is remembered, so a review
 * by any owner, in Teams or Slack, updates them all. Assessors who use Teams hear the outcome in their personal chat.
 */
export function subscribeAssessmentNotifications(ctx: TeamsContext): void {
  const { events, prisma, roles, assessments } = ctx.core;


  /** The owner's personal chat is opened if the bot has only seen them in a channel; every copy can be updated. */
  async function askOwner(ownerId: string, assessment: AssessmentWithSubject) {
    const sent = await ctx.messenger.sendToUser(ownerId, cardOf(signOffMessage(assessment)));
    if (!sent?.activityId) return;
    const { conversationId, activityId } = sent;
    await rememberChannelMessage(prisma, signOffCopyKey(assessment, "teams", ownerId), { conversationId, messageId: activityId });
  }

  async function askOwners(assessment: AssessmentWithSubject) {
    const assessor = { channel: assessment.assessorChannel, id: assessment.assessorId };
    const owners: string[] = [];
    for (const id of await roles.members("owner", "teams")) if (!(await roles.samePerson({ channel: "teams", id }, assessor))) owners.push(id);
    if (owners.length === 0) ctx.logger.warn({ assessment: assessment.reference }, "no other AIMS owners on Teams to sign off the assessment");
    for (const owner of owners) {
      await askOwner(owner, assessment).catch((error: unknown) =>
        ctx.logger.error({ err: error, assessment: assessment.reference, owner }, "could not ask a Teams owner to sign off"),
      );
    }
  }

  async function updateOwnerCopies(assessment: AssessmentWithSubject) {
    const copies = await signOffCopies(prisma, assessment, "teams");
    const message = cardOf(signOffMessage(assessment));
    await Promise.all(copies.map((copy) => ctx.messenger.update(copy.conversationId, copy.messageId, message)));
  }

  async function tellAssessor(assessment: AssessmentWithSubject) {
    if (assessment.assessorChannel !== "teams") return;
    await ctx.messenger.sendToUser(assessment.assessorId, cardOf(assessorOutcomeMessage(assessment)));
  }

  followSignOff({ owners: events.subscriber("teams.sign-off"), assessor: events.subscriber("teams.assessor") }, assessments, { askOwners, updateOwnerCopies, tellAssessor });
}
