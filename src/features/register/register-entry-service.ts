import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { AiSystem, AiSystemUser } from "../../db/generated/client.js";
import { LIFECYCLE_CONTROLS, REGISTER_DETAILS_CONTROLS, USER_CONTROLS } from "./controls.js";
import { parseDetails, type RawDetails } from "./register-details-form.js";
import { usersToTell } from "./users-to-tell.js";
import "./register-events.js";

export type Lifecycle = "suspend" | "resume" | "retire";
type Status = AiSystem["status"];

/** Which states each lifecycle change starts from, and where it leads. */
export const LIFECYCLE: Record<Lifecycle, { from: readonly Status[]; to: Status }> = {
  suspend: { from: ["active"], to: "suspended" },
  resume: { from: ["suspended"], to: "active" },
  retire: { from: ["active", "suspended", "expired"], to: "retired" },
};

export type EntryWithUsers = AiSystem & { users: AiSystemUser[] };

export type ChangeResult =
  | { kind: "changed"; system: AiSystem; told: number }
  | { kind: "invalid"; errors: Record<string, string> }
  | { kind: "refused"; message: string };

const MAX_REASON = 500;

/**
 * The AI system register kept from chat: its owner or an AIMS owner keeps the details (model, hosting, operators,
 * user guidance, conditions of use) and moves it through its lifecycle (in use, suspended, retired) with a reason;
 * people record that they use it, so they are told when it is suspended or retired. Every change is audited.
 */
export class RegisterEntryService {
  constructor(private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; events: EventBus }) {}

  find(reference: string): Promise<EntryWithUsers | null> {
    return this.deps.prisma.aiSystem.findUnique({ where: { reference: reference.trim().toUpperCase() }, include: { users: { orderBy: { id: "asc" } } } });
  }

  /** Whether this person keeps this entry: its owner, or an AIMS owner. */
  async keeps(actor: Pick<Actor, "channel" | "id">, system: Pick<AiSystem, "ownerChannel" | "ownerId">, tx?: Parameters<Roles["has"]>[2]): Promise<boolean> {
    if (await this.deps.roles.samePerson(actor, { channel: system.ownerChannel, id: system.ownerId }, tx)) return true;
    return this.deps.roles.has(actor, "owner", tx);
  }

  async refusal(actor: Pick<Actor, "channel" | "id">, system: AiSystem): Promise<string | null> {
    if (system.status === "retired") return `${system.reference} is retired: its record is kept as it is.`;
    return (await this.keeps(actor, system)) ? null : `Only the owner of ${system.reference} or an AIMS owner can change it.`;
  }

  /** Saves the register details, guarded on the entry as the form showed it. */
  async updateDetails(actor: Actor, reference: string, raw: RawDetails, seen: string): Promise<ChangeResult> {
    const { prisma, clock } = this.deps;
    const system = await this.find(reference);
    if (!system) return { kind: "refused", message: `There is no register entry ${reference}.` };
    const refusal = await this.refusal(actor, system);
    if (refusal) return { kind: "refused", message: refusal };
    const parsed = parseDetails(raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors as Record<string, string> };
    const { reason, ...details } = parsed.input;
    const changed = await prisma.$transaction(async (tx) => {
      if (!(await this.keeps(actor, system, tx))) return null;
      const claimed = await tx.aiSystem.updateMany({
        where: { id: system.id, updatedAt: new Date(seen), status: { not: "retired" } },
        data: { ...details, controls: [...new Set([...system.controls, ...REGISTER_DETAILS_CONTROLS])] },
      });
      if (claimed.count === 0) return null;
      const after = await tx.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
      await recordAudit(tx, clock, {
        actor,
        action: "register.details_changed",
        entityType: "ai_system",
        entityId: system.reference,
        before: pick(system, Object.keys(details)),
        after: { ...pick(after, Object.keys(details)), reason },
        controls: REGISTER_DETAILS_CONTROLS,
      });
      return after;
    });
    if (!changed) return { kind: "refused", message: `${system.reference} changed while you were editing it. Open it again and retry.` };
    return { kind: "changed", system: changed, told: 0 };
  }

  /** Suspends, resumes or retires an entry with a reason; suspending or retiring tells its users. */
  async changeLifecycle(actor: Actor, reference: string, change: Lifecycle, rawReason: string | undefined): Promise<ChangeResult> {
    const { prisma, clock, events } = this.deps;
    const system = await this.find(reference);
    if (!system) return { kind: "refused", message: `There is no register entry ${reference}.` };
    const reason = rawReason?.trim().slice(0, MAX_REASON) ?? "";
    if (reason.length < 3) return { kind: "invalid", errors: { reason: "Say why" } };
    const { from, to } = LIFECYCLE[change];
    if (!from.includes(system.status)) return { kind: "refused", message: `${system.reference} is ${system.status}: it cannot be ${verbs[change]} now.` };
    const result = await prisma.$transaction(async (tx): Promise<ChangeResult> => {
      if (!(await this.keeps(actor, system, tx))) return { kind: "refused", message: `Only the owner of ${system.reference} or an AIMS owner can change it.` };
      const at = clock.now();
      const claimed = await tx.aiSystem.updateMany({
        where: { id: system.id, status: system.status },
        data: { status: to, statusReason: reason, statusChangedAt: at, controls: [...new Set([...system.controls, ...LIFECYCLE_CONTROLS])] },
      });
      if (claimed.count === 0) return { kind: "refused", message: `${system.reference} changed meanwhile; open it again.` };
      const after = await tx.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
      await recordAudit(tx, clock, {
        actor,
        action: `register.${to === "active" ? "resumed" : to}`,
        entityType: "ai_system",
        entityId: system.reference,
        before: { status: system.status, statusReason: system.statusReason },
        after: { status: to, statusReason: reason },
        controls: LIFECYCLE_CONTROLS,
      });
      const tell = to === "active" ? [] : await usersToTell(tx, this.deps.roles, system, actor);
      await events.record(tx, "register.lifecycle_changed", { system: after, from: system.status, to, reason, change: `${to}@${at.toISOString()}`, tell }, system.reference);
      return { kind: "changed", system: after, told: tell.length };
    });
    if (result.kind === "changed") void events.deliverPending();
    return result;
  }

  /** Records that this person uses the system (so they are told when it is suspended or retired). */
  async recordUser(actor: Actor, reference: string): Promise<ChangeResult> {
    const { prisma, clock } = this.deps;
    const system = await this.find(reference);
    if (!system) return { kind: "refused", message: `There is no register entry ${reference}.` };
    if (system.status === "retired" || system.status === "expired") return { kind: "refused", message: NOT_IN_USE[system.status](system.reference) };
    await prisma.$transaction(async (tx) => {
      const existing = await tx.aiSystemUser.findUnique({ where: { systemId_channel_externalId: { systemId: system.id, channel: actor.channel, externalId: actor.id } } });
      if (existing) return;
      await tx.aiSystemUser.create({ data: { systemId: system.id, channel: actor.channel, externalId: actor.id, name: actor.name ?? null, recordedAt: clock.now() } });
      await recordAudit(tx, clock, { actor, action: "register.user_recorded", entityType: "ai_system", entityId: system.reference, after: { channel: actor.channel }, controls: USER_CONTROLS });
    });
    return { kind: "changed", system, told: 0 };
  }
}

/** Why no new use can be recorded: the system is out of the register, or its approval ended. */
const NOT_IN_USE = {
  retired: (reference: string) => `${reference} is retired.`,
  expired: (reference: string) => `${reference}'s approval has expired: it cannot be used unless its owner has it renewed.`,
};

const verbs: Record<Lifecycle, string> = { suspend: "suspended", resume: "resumed", retire: "retired" };

function pick(record: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, (record as Record<string, unknown>)[key] ?? null]));
}
