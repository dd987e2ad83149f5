import type { ImpactAssessment } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { nextReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import { assessmentControls } from "./controls.js";
import { mitigationsFrom } from "./mitigations.js";
import {
  effectiveAnswers,
  mergePartialStepAnswers,
  missingQuestions,
  planSteps,
  scoreAssessment,
  validateStepAnswers,
  type Answers,
  type AssessmentScore,
  type MissingQuestion,
  type QuestionnaireDefinition,
  type ReassessmentIntervals,
  type Step,
} from "./questionnaire/index.js";
import { findSubject, listSubjects, openKeyOf, subjectLink, subjectReference, type AssessmentSubject } from "./subjects.js";
import { carryAnswers } from "./version-migration.js";
import { AssessmentReviews } from "./assessment-reviews.js";
import "./assessment-events.js";

export interface AssessmentServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  definition: QuestionnaireDefinition;
  reassessmentIntervals: ReassessmentIntervals;
}

/** Why an assessment starts (ISO 42001 8.4): the first one, a significant change, or the planned re-assessment. */
export type StartTrigger = "initial" | "significant_change" | "scheduled";

export type Refusal = { kind: "not_found" | "forbidden" | "not_editable" | "in_progress"; message: string };

export type StartResult =
  | { kind: "started"; assessment: ImpactAssessment; prefilledFrom?: string; droppedQuestionIds: string[] }
  | { kind: "resumed"; assessment: ImpactAssessment }
  | Refusal;

export type OpenResult = { kind: "ok"; assessment: ImpactAssessment } | Refusal;

export type SaveStepResult =
  | { kind: "saved"; assessment: ImpactAssessment; nextStep: number | "review" }
  | { kind: "errors"; errors: Record<string, string> }
  | Refusal;

export type SubmitResult =
  | { kind: "submitted"; assessment: ImpactAssessment }
  | { kind: "incomplete"; missing: MissingQuestion[]; firstStep: number }
  | Refusal;

const EDITABLE = ["draft", "sent_back"] as const;
const MAX_CHANGE_DESCRIPTION = 1000;

/**
 * AI system impact assessments (ISO 42001 6.1.4, 8.4, A.5.2-A.5.5), channel-neutral. Progress is saved step by
 * step; state changes are guarded in the database by conditional updates on the status, and the unique `openKey`
 * allows one open assessment per AI system or request.
 */
export class AssessmentService {
  readonly steps: Step[];
  readonly reviews: AssessmentReviews;

  constructor(private readonly deps: AssessmentServiceDeps) {
    this.steps = planSteps(deps.definition);
    this.reviews = new AssessmentReviews(deps);
    deps.events.subscriber("assessments").on("request.decided", async ({ request, aiSystem }) => {
      if (aiSystem) await this.reviews.linkToRegister(request.id, aiSystem);
    });
  }

  get definition(): QuestionnaireDefinition {
    return this.deps.definition;
  }

  listSubjects() {
    return listSubjects(this.deps.prisma);
  }

  findSubject(reference: string): Promise<AssessmentSubject | null> {
    return findSubject(this.deps.prisma, reference);
  }

  /** Drafts and sent-back assessments this person can continue. */
  openFor(actor: Pick<Actor, "channel" | "id">): Promise<ImpactAssessment[]> {
    return this.deps.prisma.impactAssessment.findMany({
      where: { assessorChannel: actor.channel, assessorId: actor.id, status: { in: [...EDITABLE] } },
      orderBy: { updatedAt: "desc" },
      take: 10,
    });
  }

  find(reference: string) {
    return this.deps.prisma.impactAssessment.findUnique({
      where: { reference: reference.trim().toUpperCase() },
      include: { aiSystem: true, request: true },
    });
  }

  /**
   * The assessment to show for "ASM-0001", or the latest one of "SYS-0001" / "REQ-0001" (signed-off first,
   * else the most recent of any status).
   */
  async findForDisplay(reference: string) {
    const normalized = reference.trim().toUpperCase();
    if (normalized.startsWith("ASM-")) return this.find(normalized);
    const subject = await this.findSubject(normalized);
    if (!subject) return null;
    const where = subject.kind === "system" ? { aiSystemId: subject.system.id } : { requestId: subject.request.id };
    const include = { aiSystem: true, request: true } as const;
    return (
      (await this.deps.prisma.impactAssessment.findFirst({ where: { ...where, status: "signed_off" }, orderBy: { signedOffAt: "desc" }, include })) ??
      this.deps.prisma.impactAssessment.findFirst({ where, orderBy: { id: "desc" }, include })
    );
  }

  /**
   * Starts an assessment of a system or request, or resumes the person's own open one. A re-assessment ("something
   * changed", or the one planned at intervals; ISO 42001 8.4) pre-fills from the last signed-off assessment of the system.
   */
  async start(actor: Actor, input: { subjectReference: string; trigger: StartTrigger; changeDescription?: string }): Promise<StartResult> {
    const { prisma, clock, definition } = this.deps;
    const subject = await findSubject(prisma, input.subjectReference);
    if (!subject) return { kind: "not_found", message: `There is no AI system or request ${input.subjectReference}.` };
    if (subject.kind === "request" && !["pending", "changes_requested"].includes(subject.request.status)) {
      return { kind: "not_editable", message: `${subject.request.reference} is already decided; assess the AI system in the register instead.` };
    }
    const existing = await prisma.impactAssessment.findUnique({ where: { openKey: openKeyOf(subject) } });
    if (existing) return this.resumeExisting(actor, existing, subject);

    const previous =
      input.trigger !== "initial" && subject.kind === "system"
        ? await prisma.impactAssessment.findFirst({ where: { aiSystemId: subject.system.id, status: "signed_off" }, orderBy: { signedOffAt: "desc" } })
        : null;
    const carried = previous ? carryAnswers(previous, definition) : { answers: {}, setAside: {}, droppedQuestionIds: [] };
    const changeDescription = input.changeDescription?.trim().slice(0, MAX_CHANGE_DESCRIPTION) || null;

    try {
      const assessment = await prisma.$transaction(async (tx) => {
        const created = await tx.impactAssessment.create({
          data: {
            createdAt: clock.now(),
            reference: await nextReference(tx, "ASM"),
            ...subjectLink(subject),
            openKey: openKeyOf(subject),
            trigger: input.trigger,
            changeDescription,
            previousAssessmentId: previous?.id ?? null,
            definitionId: definition.id,
            definitionVersion: String(definition.version),
            answers: carried.answers as never,
            setAsideAnswers: Object.keys(carried.setAside).length > 0 ? (carried.setAside as never) : undefined,
            assessorChannel: actor.channel,
            assessorId: actor.id,
            assessorName: actor.name,
            controls: assessmentControls(definition),
          },
        });
        await recordAudit(tx, clock, {
          actor,
          action: "assessment.started",
          entityType: "impact_assessment",
          entityId: created.reference,
          after: created,
          controls: created.controls,
        });
        return created;
      });
      return { kind: "started", assessment, prefilledFrom: previous?.reference, droppedQuestionIds: carried.droppedQuestionIds };
    } catch (error) {
      // Someone else opened one at the same instant: the unique openKey let only one through.
      if ((error as { code?: string }).code !== "P2002") throw error;
      const winner = await prisma.impactAssessment.findUnique({ where: { openKey: openKeyOf(subject) } });
      if (!winner) throw error;
      return this.resumeExisting(actor, winner, subject);
    }
  }

  /** Opens one of the person's drafts to continue it, carrying it over to the current questionnaire version if needed. */
  async resume(actor: Actor, reference: string): Promise<OpenResult> {
    const assessment = await this.deps.prisma.impactAssessment.findUnique({ where: { reference: reference.trim().toUpperCase() } });
    if (!assessment) return { kind: "not_found", message: `There is no assessment ${reference}.` };
    const refusal = await editRefusal(this.deps.roles, actor, assessment);
    if (refusal) return refusal;
    return { kind: "ok", assessment: await this.carryToCurrentVersion(actor, assessment) };
  }

  /** Validates and saves one step's answers; the draft keeps them even if the modal is closed right after. */
  async saveStep(actor: Actor, reference: string, stepIndex: number, raw: Readonly<Record<string, unknown>>): Promise<SaveStepResult> {
    const { prisma, clock, definition } = this.deps;
    const opened = await this.resume(actor, reference);
    if (opened.kind !== "ok") return opened;
    const step = this.steps[stepIndex];
    if (!step) return { kind: "not_editable", message: "That step no longer exists; please run `/aims assess` again." };
    const stored = opened.assessment.answers as Answers;
    const validation = validateStepAnswers(definition, step, raw, stored);
    if (!validation.ok) return { kind: "errors", errors: validation.errors };

    const answers: Answers = Object.fromEntries(Object.entries(stored).filter(([questionId]) => !step.questionIds.includes(questionId)));
    Object.assign(answers, validation.answers);
    const nextStep = stepIndex + 1 < this.steps.length ? stepIndex + 1 : "review";
    const currentStep = Math.max(opened.assessment.currentStep, nextStep === "review" ? this.steps.length : nextStep);

    const saved = await prisma.$transaction(async (tx) => {
      const claimed = await tx.impactAssessment.updateMany({
        where: { id: opened.assessment.id, status: { in: [...EDITABLE] } },
        data: { answers: answers as never, currentStep, status: "draft" },
      });
      if (claimed.count === 0) return null;
      await recordAudit(tx, clock, {
        actor,
        action: "assessment.step_saved",
        entityType: "impact_assessment",
        entityId: opened.assessment.reference,
        before: { status: opened.assessment.status, step: stepIndex, answers: pick(stored, step.questionIds) },
        after: { status: "draft", step: stepIndex, answers: validation.answers },
        controls: opened.assessment.controls,
      });
      return tx.impactAssessment.findUniqueOrThrow({ where: { id: opened.assessment.id } });
    });
    if (!saved) return { kind: "not_editable", message: `${reference} was submitted meanwhile and can no longer be changed.` };
    return { kind: "saved", assessment: saved, nextStep };
  }

  /**
   * Keeps what was typed in a step the person leaves without Next (Back): valid answers are saved, nothing is
   * required yet, and the step reached does not change.
   */
  async saveProgress(actor: Actor, reference: string, stepIndex: number, raw: Readonly<Record<string, unknown>>): Promise<OpenResult> {
    const { prisma, clock, definition } = this.deps;
    const opened = await this.resume(actor, reference);
    if (opened.kind !== "ok") return opened;
    const step = this.steps[stepIndex];
    const stored = opened.assessment.answers as Answers;
    const answers = step ? mergePartialStepAnswers(definition, step, raw, stored) : stored;
    if (!step || JSON.stringify(answers) === JSON.stringify(stored)) return opened;
    const saved = await prisma.$transaction(async (tx) => {
      const claimed = await tx.impactAssessment.updateMany({
        where: { id: opened.assessment.id, status: { in: [...EDITABLE] } },
        data: { answers: answers as never },
      });
      if (claimed.count === 0) return null;
      await recordAudit(tx, clock, {
        actor,
        action: "assessment.progress_saved",
        entityType: "impact_assessment",
        entityId: opened.assessment.reference,
        before: { step: stepIndex, answers: pick(stored, step.questionIds) },
        after: { step: stepIndex, answers: pick(answers, step.questionIds) },
        controls: opened.assessment.controls,
      });
      return tx.impactAssessment.findUniqueOrThrow({ where: { id: opened.assessment.id } });
    });
    if (!saved) return { kind: "not_editable", message: `${reference} was submitted meanwhile and can no longer be changed.` };
    return { kind: "ok", assessment: saved };
  }

  /** The level and reasons the answers so far would give, and what is still missing. */
  preview(assessment: Pick<ImpactAssessment, "answers">): { score: AssessmentScore; missing: MissingQuestion[] } {
    const answers = assessment.answers as Answers;
    return { score: scoreAssessment(this.deps.definition, answers), missing: missingQuestions(this.deps.definition, answers) };
  }

  /** Scores a complete draft and sends it to the AIMS owners for sign-off. */
  async submit(actor: Actor, reference: string): Promise<SubmitResult> {
    const { prisma, clock, definition, events } = this.deps;
    const opened = await this.resume(actor, reference);
    if (opened.kind !== "ok") return opened;
    const { score, missing } = this.preview(opened.assessment);
    if (missing.length > 0) {
      const firstStep = this.steps.findIndex((step) => step.questionIds.includes(missing[0]!.questionId));
      return { kind: "incomplete", missing, firstStep: Math.max(firstStep, 0) };
    }
    const answers = effectiveAnswers(definition, opened.assessment.answers as Answers);
    const submitted = await prisma.$transaction(async (tx) => {
      const claimed = await tx.impactAssessment.updateMany({
        where: { id: opened.assessment.id, status: { in: [...EDITABLE] } },
        data: {
          status: "submitted",
          round: { increment: 1 },
          answers: answers as never,
          level: score.level,
          reasons: score.reasons,
          groupRisks: score.groups as never,
          mitigations: mitigationsFrom(definition, answers) as never,
          submittedAt: clock.now(),
        },
      });
      if (claimed.count === 0) return null;
      const after = await tx.impactAssessment.findUniqueOrThrow({ where: { id: opened.assessment.id } });
      await recordAudit(tx, clock, {
        actor,
        action: "assessment.submitted",
        entityType: "impact_assessment",
        entityId: after.reference,
        before: { status: opened.assessment.status },
        after: { status: after.status, round: after.round, level: after.level, reasons: after.reasons, definitionVersion: after.definitionVersion },
        controls: after.controls,
      });
      await events.record(tx, "assessment.submitted", { assessment: after }, after.reference);
      return after;
    });
    if (!submitted) return { kind: "not_editable", message: `${reference} was already submitted.` };
    void events.deliverPending();
    return { kind: "submitted", assessment: submitted };
  }

  private async resumeExisting(actor: Actor, existing: ImpactAssessment, subject: AssessmentSubject): Promise<StartResult> {
    const mine = await this.deps.roles.samePerson(actor, { channel: existing.assessorChannel, id: existing.assessorId });
    if (mine && EDITABLE.includes(existing.status as never)) {
      return { kind: "resumed", assessment: await this.carryToCurrentVersion(actor, existing) };
    }
    const who = existing.assessorName ?? existing.assessorId;
    const state = existing.status === "submitted" ? "is waiting for sign-off" : "is being worked on";
    return {
      kind: "in_progress",
      message: `${subjectReference(subject)} already has an open assessment, ${existing.reference} by ${who}, which ${state}.`,
    };
  }

  /** A draft begun under an older questionnaire version moves to the current one; answers that no longer fit are set aside. */
  private async carryToCurrentVersion(actor: Actor, assessment: ImpactAssessment): Promise<ImpactAssessment> {
    const { prisma, clock, definition } = this.deps;
    const version = String(definition.version);
    if (assessment.definitionId === definition.id && assessment.definitionVersion === version) return assessment;
    const carried = carryAnswers(assessment, definition);
    return prisma.$transaction(async (tx) => {
      const claimed = await tx.impactAssessment.updateMany({
        where: { id: assessment.id, definitionVersion: assessment.definitionVersion, status: { in: [...EDITABLE] } },
        data: {
          definitionId: definition.id,
          definitionVersion: version,
          answers: carried.answers as never,
          setAsideAnswers: carried.setAside as never,
          currentStep: 0,
          controls: assessmentControls(definition),
        },
      });
      const after = await tx.impactAssessment.findUniqueOrThrow({ where: { id: assessment.id } });
      if (claimed.count > 0) {
        await recordAudit(tx, clock, {
          actor,
          action: "assessment.questionnaire_updated",
          entityType: "impact_assessment",
          entityId: assessment.reference,
          before: { definitionVersion: assessment.definitionVersion, answers: assessment.answers },
          after: { definitionVersion: version, answers: carried.answers, setAside: carried.setAside },
          controls: after.controls,
        });
      }
      return after;
    });
  }
}

async function editRefusal(roles: Roles, actor: Pick<Actor, "channel" | "id">, assessment: ImpactAssessment): Promise<Refusal | null> {
  if (!(await roles.samePerson(actor, { channel: assessment.assessorChannel, id: assessment.assessorId }))) {
    return { kind: "forbidden", message: `Only the assessor of ${assessment.reference} can change its answers.` };
  }
  if (!EDITABLE.includes(assessment.status as never)) {
    return { kind: "not_editable", message: `${assessment.reference} is ${assessment.status.replace("_", " ")} and can no longer be changed.` };
  }
  return null;
}

function pick(answers: Answers, questionIds: readonly string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([questionId]) => questionIds.includes(questionId)));
}
