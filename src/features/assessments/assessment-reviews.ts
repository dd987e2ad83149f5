import type { AiSystem, ImpactAssessment } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import { SIGN_OFF_CONTROLS } from "./controls.js";
import { nextReassessmentDate, type ReassessmentIntervals } from "./questionnaire/index.js";
import "./assessment-events.js";
import { settleReassessment } from "./reassessment-source.js";

export type ReviewOutcome = "signed_off" | "sent_back";

export type ReviewResult =
  | { kind: "reviewed"; assessment: ImpactAssessment }
  | { kind: "not_found" | "forbidden" | "comments_required"; message: string }
  | { kind: "already_reviewed"; assessment: ImpactAssessment };

const MAX_COMMENTS = 2000;

/** Sign-off and send-back by the AIMS owners (ISO 42001 6.1.4, A.5.3), and linking signed-off results to the register. */
export class AssessmentReviews {
  constructor(
    private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; events: EventBus; reassessmentIntervals: ReassessmentIntervals },
  ) {}

  /** Why this person may not sign off or send back this assessment, or null if they may. Checked on every click. */
  async reviewRefusal(actor: Pick<Actor, "channel" | "id">, assessment: ImpactAssessment): Promise<string | null> {
    if (!(await this.deps.roles.has(actor, "owner"))) return "Only the AIMS owners can sign off impact assessments.";
    if (await this.deps.roles.samePerson(actor, { channel: assessment.assessorChannel, id: assessment.assessorId })) {
      return "You cannot sign off your own assessment; another AIMS owner has to.";
    }
    return null;
  }

  /**
   * Records an owner's sign-off (which schedules the re-assessment by impact level) or send-back with comments, for
   * one submission round. The conditional update on status and round makes the first review win.
   */
  async review(actor: Actor, reference: string, round: number, outcome: ReviewOutcome, comments?: string): Promise<ReviewResult> {
    const { prisma, clock, events } = this.deps;
    const assessment = await prisma.impactAssessment.findUnique({ where: { reference } });
    if (!assessment) return { kind: "not_found", message: `There is no assessment ${reference}.` };
    const refusal = await this.reviewRefusal(actor, assessment);
    if (refusal) return { kind: "forbidden", message: refusal };
    const trimmed = comments?.trim().slice(0, MAX_COMMENTS) || null;
    if (outcome === "sent_back" && !trimmed) return { kind: "comments_required", message: "Say what the assessor should change." };

    const reviewedAt = clock.now();
    const reviewed = await prisma.$transaction(async (tx) => {
      const claimed = await tx.impactAssessment.updateMany({
        where: { id: assessment.id, status: "submitted", round },
        data: {
          status: outcome,
          reviewedAt,
          reviewerChannel: actor.channel,
          reviewerId: actor.id,
          reviewerName: actor.name,
          reviewComments: trimmed,
          ...(outcome === "signed_off"
            ? {
                signedOffAt: reviewedAt,
                openKey: null,
                nextReassessmentAt: nextReassessmentDate(assessment.level ?? "low", reviewedAt, this.deps.reassessmentIntervals),
              }
            : {}),
        },
      });
      if (claimed.count === 0) return null;
      const after = await tx.impactAssessment.findUniqueOrThrow({ where: { id: assessment.id } });
      await recordAudit(tx, clock, {
        actor,
        action: outcome === "signed_off" ? "assessment.signed_off" : "assessment.sent_back",
        entityType: "impact_assessment",
        entityId: reference,
        before: { status: assessment.status, round },
        after: { status: after.status, round, comments: trimmed, level: after.level, nextReassessmentAt: after.nextReassessmentAt },
        controls: SIGN_OFF_CONTROLS,
      });
      if (outcome === "signed_off") await settleReassessment(tx, events, after, actor);
      await events.record(tx, outcome === "signed_off" ? "assessment.signed_off" : "assessment.sent_back", { assessment: after }, reference);
      return after;
    });
    if (!reviewed) return { kind: "already_reviewed", assessment: await prisma.impactAssessment.findUniqueOrThrow({ where: { id: assessment.id } }) };
    void events.deliverPending();
    return { kind: "reviewed", assessment: reviewed };
  }

  /** When a request is approved, its assessments now describe the AI system entered in the register. */
  async linkToRegister(requestId: number, aiSystem: AiSystem): Promise<void> {
    const { prisma, clock } = this.deps;
    await prisma.$transaction(async (tx) => {
      const assessments = await tx.impactAssessment.findMany({ where: { requestId, aiSystemId: null } });
      for (const assessment of assessments) {
        await tx.impactAssessment.update({
          where: { id: assessment.id },
          data: { aiSystemId: aiSystem.id, openKey: assessment.openKey === null ? null : `system:${aiSystem.id}` },
        });
        await recordAudit(tx, clock, {
          actor: null,
          action: "assessment.linked_to_register",
          entityType: "impact_assessment",
          entityId: assessment.reference,
          before: { aiSystem: null },
          after: { aiSystem: aiSystem.reference },
          controls: ["A.5.3", "A.4.2"],
        });
      }
    });
  }
}
