import type { EventSubscriber } from "../../core/events.js";
import type { AiSystem, AiToolRequest, ImpactAssessment } from "../../db/generated/client.js";
import type { AssessmentService } from "./assessment-service.js";

/** An assessment with the system or request it is about, as the sign-off messages show it. */
export type AssessmentWithSubject = ImpactAssessment & { aiSystem: AiSystem | null; request: AiToolRequest | null };

/** What a channel does at each turn of sign-off; the order of those turns lives here, once for every channel. */
export interface SignOffAudience {
  askOwners(assessment: AssessmentWithSubject): Promise<void>;
  updateOwnerCopies(assessment: AssessmentWithSubject): Promise<void>;
  tellAssessor(assessment: AssessmentWithSubject): Promise<void>;
}

/**
 * Follows assessments through sign-off: on submission the copies asking about an earlier round show that it is being
 * revised and the owners are asked again; on sign-off or send-back every copy shows the outcome and the assessor hears.
 */
export function followSignOff(events: EventSubscriber, assessments: Pick<AssessmentService, "find">, audience: SignOffAudience): void {
  const withSubject = async (assessment: ImpactAssessment): Promise<AssessmentWithSubject> =>
    (await assessments.find(assessment.reference)) ?? { ...assessment, aiSystem: null, request: null };

  events.on("assessment.submitted", async ({ assessment }) => {
    const full = await withSubject(assessment);
    await audience.updateOwnerCopies(full);
    await audience.askOwners(full);
  });
  for (const name of ["assessment.signed_off", "assessment.sent_back"] as const) {
    events.on(name, async ({ assessment }) => {
      const full = await withSubject(assessment);
      await Promise.all([audience.updateOwnerCopies(full), audience.tellAssessor(full)]);
    });
  }
}
