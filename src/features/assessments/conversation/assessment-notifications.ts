import type { Notifier, Publisher } from "../../../conversation/notifications.js";
import { notifier } from "../../../conversation/notifications.js";
import { oneAtATime } from "../../../core/one-at-a-time.js";
import type { Roles } from "../../../core/roles.js";
import type { Prisma } from "../../../db/database.js";
import type { ImpactAssessment } from "../../../db/generated/client.js";
import type { AssessmentService } from "../assessment-service.js";
import { type AssessmentWithSubject, signOffCopies, signOffPurpose } from "../sign-off-flow.js";
import { assessorOutcomeMessage, signOffMessage } from "./assessment-sign-off-views.js";

type Services = { assessments: Pick<AssessmentService, "find">; roles: Pick<Roles, "members" | "samePerson">; prisma: Prisma };

const withSubject = async (services: Services, assessment: ImpactAssessment): Promise<AssessmentWithSubject> =>
  (await services.assessments.find(assessment.reference)) ?? { ...assessment, aiSystem: null, request: null };

/** One round's request to one owner (or to the assessments place), remembered apart: no later round replaces it. */
const copyKey = (assessment: ImpactAssessment, target: string) => ({ entityType: "impact_assessment", entityId: assessment.reference, purpose: signOffPurpose(target, assessment.round) });

/**
 * Asks in new messages: in the assessments place when the channel has one, otherwise each AIMS owner of the channel
 * but the assessor (nobody signs off their own assessment) in a DM. Each copy is remembered, so a retry asks only
 * those not asked yet.
 */
async function askOwners(out: Publisher, services: Services, assessment: AssessmentWithSubject) {
  const message = signOffMessage(assessment);
  if (out.has("assessments")) return out.show("assessments", copyKey(assessment, "assessments"), () => message);
  const assessor = { channel: assessment.assessorChannel, id: assessment.assessorId };
  for (const id of await services.roles.members("owner", out.channel)) {
    if (await services.roles.samePerson({ channel: out.channel, id }, assessor)) continue;
    await out.tell({ channel: out.channel, id }, message, { once: copyKey(assessment, id) });
  }
}

/** Every copy of every round, in a place or a DM, shows the outcome (earlier rounds' copies lose their buttons). */
async function updateOwnerCopies(out: Publisher, services: Services, assessment: AssessmentWithSubject) {
  const copies = await signOffCopies(services.prisma, assessment, out.channel);
  const message = signOffMessage(assessment);
  await Promise.all(copies.map((copy) => out.update(copy, message)));
}

// A review that lands while the owners are still being asked waits for those copies to be remembered, then updates them.
const serialize = oneAtATime();
const inTurn = (out: Publisher, assessment: ImpactAssessment, work: () => Promise<void>) => serialize(`${out.channel}:${assessment.reference}`, work);

const updated = (({ assessment }, out, services) =>
  withSubject(services, assessment).then((full) => inTurn(out, assessment, () => updateOwnerCopies(out, services, full)))) satisfies Notifier<Services>["on"]["assessment.signed_off"];
const assessorTold = (async ({ assessment }, out, services) => {
  const full = await withSubject(services, assessment);
  await out.tell({ channel: full.assessorChannel, id: full.assessorId }, assessorOutcomeMessage(full));
}) satisfies Notifier<Services>["on"]["assessment.signed_off"];

/**
 * Sign-off, shown in every channel whichever channel the assessment was filled in: the owners are asked on
 * submission, and every copy shows the outcome; the assessor hears it apart, so an outage failing one never repeats
 * the other.
 */
export const assessmentNotifications: Notifier<Services>[] = [
  notifier<Services>("sign-off", {
    "assessment.submitted": async ({ assessment }, out, services) => {
      const full = await withSubject(services, assessment);
      await inTurn(out, assessment, () => askOwners(out, services, full));
    },
    "assessment.signed_off": updated,
    "assessment.sent_back": updated,
  }),
  notifier<Services>("assessor", { "assessment.signed_off": assessorTold, "assessment.sent_back": assessorTold }),
];
