import { DateTime } from "luxon";
import type { Actor, ChatChannel } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { TrainingCompletion } from "../../db/generated/client.js";
import type { PeopleDirectory } from "../organisation/people-directory.js";
import { TRAINING_CONTROLS } from "./controls.js";
import { type QuizScore, scoreQuiz } from "./quiz-scoring.js";
import { assignedAccounts, isAssigned } from "./training-assignment.js";
import type { TrainingModule } from "./training-module.js";
import "./training-events.js";

export interface TrainingServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  directory: PeopleDirectory;
  /** The module files, validated at start-up. */
  modules: readonly TrainingModule[];
  channels: readonly ChatChannel[];
}

export type AnswerResult =
  | { kind: "unknown" }
  | { kind: "failed"; module: TrainingModule; score: QuizScore }
  /** Passed: `completion` is the recorded pass, new or (`already`) the one still valid. */
  | { kind: "passed"; module: TrainingModule; score: QuizScore; completion: TrainingCompletion; already: boolean };

/** Where a person stands with one module. */
export interface ModuleStatus {
  module: TrainingModule;
  /** Their latest pass of any version of the module. */
  completion: TrainingCompletion | null;
  state: "to_take" | "passed" | "renewal_due";
}

/** When a pass made now must be renewed; null when the module never expires. */
export function dueAgainAt(module: Pick<TrainingModule, "renewalMonths">, completedAt: Date): Date | null {
  return module.renewalMonths === 0 ? null : DateTime.fromJSDate(completedAt, { zone: "utc" }).plus({ months: module.renewalMonths }).toJSDate();
}

/**
 * AI-literacy training (ISO 42001 7.2, 7.3, A.4.6; EU AI Act Art. 4): modules from data files, assigned by role or by
 * the risk of the AI systems a person owns or uses; quizzes scored here, every attempt kept, and a pass recorded once
 * per person, module version and round. A pass older than the module's renewal period is due again.
 */
export class TrainingService {
  constructor(private readonly deps: TrainingServiceDeps) {}

  /** The latest version of each module, by title. */
  modules(): TrainingModule[] {
    const latest = new Map<string, TrainingModule>();
    for (const module of this.deps.modules) if ((latest.get(module.id)?.version ?? 0) < module.version) latest.set(module.id, module);
    return [...latest.values()].sort((a, b) => a.title.localeCompare(b.title));
  }

  module(id: string, version?: number): TrainingModule | undefined {
    return version === undefined ? this.modules().find((module) => module.id === id) : this.deps.modules.find((module) => module.id === id && module.version === version);
  }

  /** The accounts the module is assigned to ("channel:id"), or null for everyone. */
  assignedAccounts(module: TrainingModule): Promise<string[] | null> {
    return assignedAccounts(this.deps.prisma, this.deps.roles, this.deps.channels, module.assignTo);
  }

  /** The modules assigned to this person, and any other they passed, with where they stand. */
  async statusOf(actor: Pick<Actor, "channel" | "id">): Promise<ModuleStatus[]> {
    const { prisma, roles, directory, clock } = this.deps;
    const accounts = await directory.accountsOf(actor);
    const personId = accounts[0]?.personId;
    const completions = personId ? await prisma.trainingCompletion.findMany({ where: { personId }, orderBy: { completedAt: "desc" } }) : [];
    const mine = accounts.length > 0 ? accounts : [{ channel: actor.channel, externalId: actor.id }];
    const statuses: ModuleStatus[] = [];
    for (const module of this.modules()) {
      const completion = completions.find((one) => one.moduleId === module.id) ?? null;
      if (!completion && !(await isAssigned(prisma, roles, mine, module.assignTo))) continue;
      const state = !completion || completion.moduleVersion < module.version ? "to_take" : completion.dueAgainAt && completion.dueAgainAt <= clock.now() ? "renewal_due" : "passed";
      statuses.push({ module, completion, state });
    }
    return statuses;
  }

  /**
   * Scores the person's answers. Every attempt is kept and audited; a pass is recorded once per person, module version
   * and round: while a pass is valid, passing again finds it; once it is due for renewal, a pass opens the next round.
   */
  async answer(actor: Actor, moduleId: string, version: number, answers: Record<string, string | undefined>, campaignId: number | null): Promise<AnswerResult> {
    const { prisma, clock, events, directory } = this.deps;
    const module = this.module(moduleId, version);
    if (!module) return { kind: "unknown" };
    const score = scoreQuiz(module, answers);
    const result = await prisma.$transaction(async (tx): Promise<AnswerResult> => {
      const identity = await directory.ensureIn(tx, actor, actor.name ?? null);
      const now = clock.now();
      const who = { personId: identity.personId, moduleId, moduleVersion: version };
      const attempt = await tx.trainingAttempt.create({
        data: { ...who, channel: actor.channel, externalId: actor.id, campaignId, correct: score.correct, questions: score.questions, score: score.score, passed: score.passed, answeredAt: now },
      });
      await recordAudit(tx, clock, {
        actor,
        action: "training.attempted",
        entityType: "training_attempt",
        entityId: attempt.id,
        after: { ...attempt, title: module.title, passMark: module.passMark },
        controls: TRAINING_CONTROLS,
      });
      if (!score.passed) return { kind: "failed", module, score };
      // One pass at a time per person and module: the round numbers stay gapless.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`aims-training:${identity.personId}:${moduleId}`}))`;
      const latest = await tx.trainingCompletion.findFirst({ where: who, orderBy: { round: "desc" } });
      if (latest && (!latest.dueAgainAt || latest.dueAgainAt > now)) return { kind: "passed", module, score, completion: latest, already: true };
      const attempts = await tx.trainingAttempt.count({ where: { ...who, answeredAt: { gt: latest?.completedAt ?? new Date(0) } } });
      const completion = await tx.trainingCompletion.create({
        data: {
          ...who,
          moduleTitle: module.title,
          round: (latest?.round ?? 0) + 1,
          channel: actor.channel,
          externalId: actor.id,
          campaignId,
          correct: score.correct,
          questions: score.questions,
          score: score.score,
          passMark: module.passMark,
          attempts,
          completedAt: now,
          dueAgainAt: dueAgainAt(module, now),
          controls: [...TRAINING_CONTROLS],
        },
      });
      await recordAudit(tx, clock, {
        actor,
        action: "training.completed",
        entityType: "training_completion",
        entityId: completion.id,
        after: { ...completion, title: module.title },
        controls: TRAINING_CONTROLS,
      });
      await events.record(tx, "training.completed", { completion }, `training:${completion.id}`);
      return { kind: "passed", module, score, completion, already: false };
    });
    void events.deliverPending();
    return result;
  }
}
