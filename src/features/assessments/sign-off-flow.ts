import type { ChatChannel } from "../../core/actor.js";
import type { ChannelMessageKey } from "../../core/channel-messages.js";
import type { EventSubscriber } from "../../core/events.js";
import { oneAtATime } from "../../core/one-at-a-time.js";
import type { Prisma } from "../../db/database.js";
import type { AiSystem, AiToolRequest, ChannelMessage, ImpactAssessment } from "../../db/generated/client.js";
import type { AssessmentService } from "./assessment-service.js";

/** An assessment with the system or request it is about, as the sign-off messages show it. */
export type AssessmentWithSubject = ImpactAssessment & { aiSystem: AiSystem | null; request: AiToolRequest | null };

const SIGN_OFF_PURPOSE = "sign_off:";

/** Where one round's request to one owner (or channel) is remembered: each round's copy has a record of its own. */
export const signOffCopyKey = (assessment: ImpactAssessment, channel: ChatChannel, target: string): ChannelMessageKey => ({
  entityType: "impact_assessment",
  entityId: assessment.reference,
  purpose: `${SIGN_OFF_PURPOSE}${target}:${assessment.round}`,
  channel,
});

/** Every sign-off request posted in `channel` for this assessment, of every round. */
export function signOffCopies(prisma: Prisma, assessment: ImpactAssessment, channel: ChatChannel): Promise<ChannelMessage[]> {
  return prisma.channelMessage.findMany({
    where: { entityType: "impact_assessment", entityId: assessment.reference, channel, purpose: { startsWith: SIGN_OFF_PURPOSE } },
  });
}

/** What a channel does at each turn of sign-off; the order of those turns lives here, once for every channel. */
export interface SignOffAudience {
  /** Posts a new copy per owner (or channel) and remembers each one, so no later round replaces its record. */
  askOwners(assessment: AssessmentWithSubject): Promise<void>;
  updateOwnerCopies(assessment: AssessmentWithSubject): Promise<void>;
  tellAssessor(assessment: AssessmentWithSubject): Promise<void>;
}

/**
 * Follows assessments through sign-off: on submission the owners are asked in new messages (earlier rounds' copies keep
 * showing how those rounds ended, without buttons); on sign-off or send-back every copy of every round shows the
 * outcome and the assessor hears.
 */
export function followSignOff(
  events: { owners: EventSubscriber; assessor: EventSubscriber },
  assessments: Pick<AssessmentService, "find">,
  audience: SignOffAudience,
): void {
  const withSubject = async (assessment: ImpactAssessment): Promise<AssessmentWithSubject> =>
    (await assessments.find(assessment.reference)) ?? { ...assessment, aiSystem: null, request: null };

  // A review that lands while the owners are still being asked waits for those copies to be remembered, then updates them.
  const serialize = oneAtATime();
  events.owners.on("assessment.submitted", ({ assessment }) =>
    serialize(assessment.reference, async () => audience.askOwners(await withSubject(assessment))),
  );
  // The owners' copies and the assessor's message are delivered apart: a failure of one never repeats the other.
  for (const name of ["assessment.signed_off", "assessment.sent_back"] as const) {
    events.owners.on(name, async ({ assessment }) => {
      const full = await withSubject(assessment);
      await serialize(assessment.reference, () => audience.updateOwnerCopies(full));
    });
    events.assessor.on(name, async ({ assessment }) => audience.tellAssessor(await withSubject(assessment)));
  }
}
