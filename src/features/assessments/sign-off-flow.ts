import type { ChatChannel } from "../../core/actor.js";
import type { Prisma } from "../../db/database.js";
import type { AiSystem, AiToolRequest, ChannelMessage, ImpactAssessment } from "../../db/generated/client.js";

/** An assessment with the system or request it is about, as the sign-off messages show it. */
export type AssessmentWithSubject = ImpactAssessment & { aiSystem: AiSystem | null; request: AiToolRequest | null };

const SIGN_OFF_PURPOSE = "sign_off:";

/** The purpose one round's request to one owner (or place) is remembered under: each round's copy has a record of its own. */
export const signOffPurpose = (target: string, round: number): string => `${SIGN_OFF_PURPOSE}${target}:${round}`;

/** Every sign-off request posted in `channel` for this assessment, of every round. */
export function signOffCopies(prisma: Prisma, assessment: ImpactAssessment, channel: ChatChannel): Promise<ChannelMessage[]> {
  return prisma.channelMessage.findMany({
    where: { entityType: "impact_assessment", entityId: assessment.reference, channel, purpose: { startsWith: SIGN_OFF_PURPOSE } },
  });
}
