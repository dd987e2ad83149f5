import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { nextReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { Objective, ObjectiveCheckIn } from "../../db/generated/client.js";
import type { PeopleNames } from "../people/people-names.js";
import { cancelPendingDeliveries } from "../scheduler/delivery-store.js";
import { occurrenceKey } from "../reminders/due-item.js";
import { parseFields, type FieldErrors } from "../reminders/parse-fields.js";
import { ownerOf, recordReminderSettled } from "../reminders/reminder-events.js";
import { ensureOccurrence } from "../reminders/reminder-service.js";
import { nextCheckIn } from "./cadence.js";
import { checkInDueItem, objectiveCheckInSource } from "./objective-checkin-source.js";
import { objectiveDueSource } from "./objective-due-source.js";
import { checkInSchema, objectiveSchema, type CheckInInput, type ObjectiveInput } from "./objective-form.js";

/** AI objectives and their progress reports evidence 6.2 and A.6.1.2 (objectives for responsible development), 9.1. */
export const OBJECTIVE_CONTROLS = ["6.2", "A.6.1.2", "9.1"] as const;

export const OBJECTIVE_ADDERS_ONLY = "Only AIMS owners and managers can add objectives.";
export type AddObjectiveResult = { kind: "added"; objective: Objective } | { kind: "invalid"; errors: FieldErrors<ObjectiveInput> } | { kind: "forbidden"; message: string };
export type CheckInResult =
  | { kind: "recorded"; objective: Objective; checkIn: ObjectiveCheckIn }
  | { kind: "already_recorded"; objective: Objective }
  | { kind: "invalid"; errors: FieldErrors<CheckInInput> }
  | { kind: "forbidden" | "not_found"; message: string };

export class ObjectiveService {
  /** Check-in prompts, and the due date itself. */
  readonly sources;

  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; events: EventBus; zone: string; people: PeopleNames }) {
    this.sources = [objectiveCheckInSource(deps.zone), objectiveDueSource] as const;
  }

  async mayAdd(actor: Actor): Promise<boolean> {
    return (await this.deps.roles.has(actor, "owner")) || (await this.deps.roles.has(actor, "manager"));
  }

  /** Every objective, soonest due first, with its owner's name where the bot knows it. */
  async list(): Promise<Objective[]> {
    return this.deps.people.withOwnerNames(await this.deps.prisma.objective.findMany({ orderBy: [{ dueAt: "asc" }, { id: "asc" }] }));
  }

  find(reference: string): Promise<Objective | null> {
    return this.deps.prisma.objective.findUnique({ where: { reference } });
  }

  async add(actor: Actor, raw: Record<string, unknown>): Promise<AddObjectiveResult> {
    if (!(await this.mayAdd(actor))) return { kind: "forbidden", message: OBJECTIVE_ADDERS_ONLY };
    const parsed = parseFields(objectiveSchema, raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const { ownerId, ...input } = parsed.input;
    const now = this.deps.clock.now();
    if (input.dueAt <= now) return { kind: "invalid", errors: { dueAt: "Pick a due date in the future" } };
    const owner = await this.deps.people.person(actor.channel, ownerId);
    const objective = await this.deps.prisma.$transaction(async (tx) => {
      const created = await tx.objective.create({
        data: {
          ...input,
          createdAt: now,
          reference: await nextReference(tx, "OBJ"),
          ownerChannel: owner.channel,
          ownerId,
          ownerName: owner.name ?? null,
          nextCheckInAt: nextCheckIn(input.cadence, now, now, this.deps.zone),
          controls: [...OBJECTIVE_CONTROLS],
        },
      });
      await recordAudit(tx, this.deps.clock, { actor, action: "objective.added", entityType: "objective", entityId: created.reference, after: created, controls: OBJECTIVE_CONTROLS });
      return created;
    });
    return { kind: "added", objective };
  }

  /**
   * Records progress for the check-in due at `occurrenceAt` (or the current one). One report per occurrence: a
   * second submit of the same prompt is recognised, not recorded twice.
   */
  async checkIn(actor: Actor, reference: string, raw: Record<string, unknown>, occurrenceAt?: Date): Promise<CheckInResult> {
    const objective = await this.find(reference);
    if (!objective) return { kind: "not_found", message: `I can't find objective ${reference}.` };
    if (!(await this.deps.roles.samePerson(actor, { channel: objective.ownerChannel, id: objective.ownerId })) && !(await this.deps.roles.has(actor, "owner"))) {
      return { kind: "forbidden", message: `Only the owner of ${reference} or an AIMS owner can check in on it.` };
    }
    const parsed = parseFields(checkInSchema, raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const now = this.deps.clock.now();
    const occurrence = occurrenceAt ?? objective.nextCheckInAt;
    const item = { ...checkInDueItem(objective), dueAt: occurrence };
    const { clock, zone } = this.deps;
    const result = await this.deps.prisma.$transaction(async (tx): Promise<CheckInResult> => {
      const inserted = await tx.objectiveCheckIn.createMany({
        data: [{ objectiveId: objective.id, occurrenceAt: occurrence, ...parsed.input, actorChannel: actor.channel, actorId: actor.id, recordedAt: now, controls: [...OBJECTIVE_CONTROLS] }],
        skipDuplicates: true,
      });
      if (inserted.count === 0) return { kind: "already_recorded", objective };
      const checkIn = await tx.objectiveCheckIn.findUniqueOrThrow({ where: { objectiveId_occurrenceAt: { objectiveId: objective.id, occurrenceAt: occurrence } } });
      const advance = objective.nextCheckInAt.getTime() === occurrence.getTime();
      const updated = await tx.objective.update({
        where: { id: objective.id },
        data: {
          progress: parsed.input.progress,
          currentValue: parsed.input.value,
          ...(advance ? { nextCheckInAt: nextCheckIn(objective.cadence, occurrence, now, zone) } : {}),
        },
      });
      await ensureOccurrence(tx, item);
      const key = occurrenceKey(item);
      await tx.dueItemOccurrence.updateMany({ where: { occurrenceKey: key, completedAt: null }, data: { completedAt: now, completedByChannel: actor.channel, completedById: actor.id, evidenceNote: parsed.input.note } });
      await cancelPendingDeliveries(tx, key, ["reminder"]);
      await recordReminderSettled(tx, this.deps.events, key, { kind: "done", by: ownerOf(actor), at: now });
      await recordAudit(tx, clock, {
        actor,
        action: "objective.checked_in",
        entityType: "objective",
        entityId: objective.reference,
        before: { progress: objective.progress, currentValue: objective.currentValue },
        after: checkIn,
        controls: OBJECTIVE_CONTROLS,
      });
      return { kind: "recorded", objective: updated, checkIn };
    });
    if (result.kind === "recorded") void this.deps.events.deliverPending();
    return result;
  }
}
