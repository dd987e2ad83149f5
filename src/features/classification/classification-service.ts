import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { AiSystem } from "../../db/generated/client.js";
import type { RequestIntake } from "../requests/request-intake.js";
import type { ClassificationDefinition } from "./classification-definition.js";
import { type Classification, classify, NOT_CLASSIFIED, raisesToHigh, type RawAnswers, readAnswers, stopExplanation, stopField, stops } from "./classify.js";
import { CLASSIFICATION_CONTROLS } from "./controls.js";
import "./classification-events.js";

export interface ClassificationServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  definition: ClassificationDefinition;
}

export type ClassifySystemResult =
  | { kind: "classified"; system: AiSystem; classification: Classification; suspended: boolean }
  | { kind: "invalid"; errors: Record<string, string> }
  | { kind: "refused"; message: string }
  | { kind: "changed"; message: string };

const controlsOf = (classification: Classification) => [...new Set([...CLASSIFICATION_CONTROLS, ...classification.controls])].sort();

/** The tier reason an EU AI Act high-risk outcome gives, with the answers behind it. */
function highRiskReason(definition: ClassificationDefinition, classification: Classification): string {
  const highOutcomes = new Set(definition.outcomes.filter((outcome) => outcome.effect === "high_risk").map((outcome) => outcome.id));
  const answers = definition.questions.flatMap((question) => {
    const chosen = ([] as string[]).concat(classification.answers[question.id] ?? []);
    return question.options.filter((option) => option.outcome && highOutcomes.has(option.outcome) && chosen.includes(option.value)).map((option) => option.cites);
  });
  return `high risk under the EU AI Act (${answers.join("; ")})`;
}

/**
 * EU AI Act classification (Regulation (EU) 2024/1689) from the versioned definition: of a request at intake (its
 * answers are part of the request form) and of a register entry from chat (its owner or an AIMS owner).
 */
export class ClassificationService {
  constructor(private readonly deps: ClassificationServiceDeps) {}

  get definition(): ClassificationDefinition {
    return this.deps.definition;
  }

  /** The request form's classification questions: a prohibited practice stops the request, high risk raises its tier. */
  readonly intake: RequestIntake = (_actor, form) => {
    const { definition, clock } = this.deps;
    const read = readAnswers(definition, form);
    if (!read.ok) return read;
    const classification = classify(definition, read.answers, clock.now());
    if (stops(classification)) return { ok: false, errors: { [stopField(definition, classification)]: stopExplanation(definition, classification) } };
    return {
      ok: true,
      addition: {
        fields: { aiActOutcome: classification.outcome, aiActClassification: classification as never },
        raiseTierTo: raisesToHigh(classification) ? { tier: "high", reasons: [highRiskReason(definition, classification)] } : undefined,
        controls: controlsOf(classification),
      },
    };
  };

  findSystem(reference: string): Promise<AiSystem | null> {
    return this.deps.prisma.aiSystem.findUnique({ where: { reference: reference.trim().toUpperCase() } });
  }

  /** Why this person may not classify this entry, or null: its owner and the AIMS owners may, while it is not retired. */
  async refusal(actor: Pick<Actor, "channel" | "id">, system: AiSystem): Promise<string | null> {
    if (system.status === "retired") return `${system.reference} is retired: there is nothing to classify.`;
    if (await this.deps.roles.samePerson(actor, { channel: system.ownerChannel, id: system.ownerId })) return null;
    if (await this.deps.roles.has(actor, "owner")) return null;
    return `Only the owner of ${system.reference} or an AIMS owner can classify it.`;
  }

  /** Register entries still to classify: the person's own, or every one for an AIMS owner. */
  async unclassified(actor: Pick<Actor, "channel" | "id">, limit = 20): Promise<AiSystem[]> {
    const isOwner = await this.deps.roles.has(actor, "owner");
    const systems = await this.deps.prisma.aiSystem.findMany({
      where: { aiActOutcome: NOT_CLASSIFIED, status: { not: "retired" } },
      orderBy: [{ reference: "asc" }],
      take: isOwner ? limit : 500,
    });
    if (isOwner) return systems;
    const own: AiSystem[] = [];
    for (const system of systems) {
      if (await this.deps.roles.samePerson(actor, { channel: system.ownerChannel, id: system.ownerId })) own.push(system);
    }
    return own.slice(0, limit);
  }

  /**
   * Classifies (or classifies again) a register entry. High risk raises its tier; a prohibited practice suspends it
   * (it must not be used). Guarded on the entry as it was read, with an audit event and a domain event.
   */
  async classifySystem(actor: Actor, reference: string, raw: RawAnswers): Promise<ClassifySystemResult> {
    const { prisma, clock, events, definition, roles } = this.deps;
    const system = await this.findSystem(reference);
    if (!system) return { kind: "refused", message: `There is no register entry ${reference}.` };
    const refusal = await this.refusal(actor, system);
    if (refusal) return { kind: "refused", message: refusal };
    const read = readAnswers(definition, raw);
    if (!read.ok) return { kind: "invalid", errors: read.errors };
    const classification = classify(definition, read.answers, clock.now());
    const suspend = stops(classification) && system.status === "active";
    const result = await prisma.$transaction(async (tx): Promise<ClassifySystemResult> => {
      if (!(await roles.samePerson(actor, { channel: system.ownerChannel, id: system.ownerId }, tx)) && !(await roles.has(actor, "owner", tx))) {
        return { kind: "refused", message: `Only the owner of ${system.reference} or an AIMS owner can classify it.` };
      }
      const claimed = await tx.aiSystem.updateMany({
        where: { id: system.id, aiActOutcome: system.aiActOutcome, updatedAt: system.updatedAt, status: system.status },
        data: {
          aiActOutcome: classification.outcome,
          aiActClassification: classification as never,
          aiActClassifyBy: null,
          controls: [...new Set([...system.controls, ...controlsOf(classification)])],
          ...(raisesToHigh(classification) ? { riskTier: "high" as const } : {}),
          ...(suspend ? { status: "suspended" as const } : {}),
        },
      });
      if (claimed.count === 0) return { kind: "changed", message: `${system.reference} changed while you were classifying it. Please try again.` };
      const after = await tx.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
      await recordAudit(tx, clock, {
        actor,
        action: "register.classified",
        entityType: "ai_system",
        entityId: system.reference,
        before: { aiActOutcome: system.aiActOutcome, aiActClassification: system.aiActClassification, riskTier: system.riskTier, status: system.status },
        after: { aiActOutcome: after.aiActOutcome, aiActClassification: after.aiActClassification, riskTier: after.riskTier, status: after.status },
        controls: controlsOf(classification),
      });
      await events.record(tx, "classification.recorded", { system: after }, system.reference);
      return { kind: "classified", system: after, classification, suspended: suspend };
    });
    if (result.kind === "classified") void events.deliverPending();
    return result;
  }
}
