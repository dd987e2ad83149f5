import { randomUUID } from "node:crypto";
import type { Actor, ChatChannel } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { ROLE_NAMES, type AimsRole, type Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { RoleGrant } from "../../db/generated/client.js";
import { ROLE_CONTROLS } from "./controls.js";
import { identityKey, type IdentityRef } from "./identity-key.js";
import type { PeopleDirectory } from "./people-directory.js";
import { anyoneHolds, grantInEffect, rolesHeld, roleMembers } from "./role-holders.js";
import { parseBindForm, parseGrantForm, parseReason, type RawBindForm, type RawGrantForm } from "./role-forms.js";

export interface RoleServiceDeps {
  prisma: Prisma;
  clock: Clock;
  events: EventBus;
  people: PeopleDirectory;
}

export type RoleChangeResult =
  | { kind: "ok"; grant: RoleGrant }
  | { kind: "forbidden"; message: string }
  | { kind: "invalid"; errors: Partial<Record<string, string>> };

/** A group the platform confirmed exists, as the channel looked it up. */
export interface GroupFacts {
  channel: ChatChannel;
  externalId: string;
  name: string;
}

const ONLY_OWNERS = "Only the AIMS owners can change who holds a role.";

/**
 * Roles held by people or bound to groups, from and until a time (ISO 42001 5.3, A.3.2). Every check asks the
 * database; every change is an audit event and a `role.changed` event.
 */
export class RoleService implements Roles {
  constructor(private readonly deps: RoleServiceDeps) {}

  async has(actor: IdentityRef, role: AimsRole, tx?: Tx): Promise<boolean> {
    return (await this.rolesOf(actor, tx)).has(role);
  }

  rolesOf(actor: IdentityRef, tx?: Tx): Promise<ReadonlySet<AimsRole>> {
    return rolesHeld(tx ?? this.deps.prisma, actor, this.deps.clock.now());
  }

  members(role: AimsRole, channel: ChatChannel, tx?: Tx): Promise<readonly string[]> {
    return roleMembers(tx ?? this.deps.prisma, role, channel, this.deps.clock.now());
  }

  samePerson(a: IdentityRef, b: IdentityRef, tx?: Tx): Promise<boolean> {
    return this.deps.people.samePerson(a, b, tx);
  }

  /** Why this person may not change roles, or null if they may. */
  async changeRefusal(actor: IdentityRef): Promise<string | null> {
    return (await this.has(actor, "owner")) ? null : ONLY_OWNERS;
  }

  /** An AIMS owner grants a role to a person, with a reason, optionally until a date. */
  async grant(by: Actor, form: RawGrantForm): Promise<RoleChangeResult> {
    const refusal = await this.changeRefusal(by);
    if (refusal) return { kind: "forbidden", message: refusal };
    const parsed = parseGrantForm(form, this.deps.clock.now());
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const { role, person, reason, until } = parsed.input;
    return this.change(role, async (tx, now) => {
      const identity = await this.deps.people.ensureIn(tx, person);
      if (identity.deactivatedAt) return { kind: "invalid", errors: { person: "This account is deactivated; it cannot hold a role." } };
      const held = await tx.roleGrant.findFirst({ where: { role, personId: identity.personId, source: "direct", ...grantInEffect(now) } });
      if (held) return { kind: "invalid", errors: { person: `They are already ${article(role)} ${ROLE_NAMES[role]}.` } };
      const grant = await tx.roleGrant.create({
        data: { id: randomUUID(), role, source: "direct", personId: identity.personId, effectiveFrom: now, effectiveUntil: until, grantedBy: identityKey(by), reason },
      });
      return this.changed(tx, by, "role.granted", null, grant, `${ROLE_NAMES[role]} granted to ${identity.name ?? identityKey(person)}`);
    });
  }

  /** An AIMS owner binds a role to a Slack user group or a Teams team: its members hold the role while they are in it. */
  async bindGroup(by: Actor, form: RawBindForm, group: GroupFacts | null): Promise<RoleChangeResult> {
    const refusal = await this.changeRefusal(by);
    if (refusal) return { kind: "forbidden", message: refusal };
    const parsed = parseBindForm(form);
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(group ? {} : { group: "The bot cannot find this group: pick a Slack user group or a Teams team the bot is in." }) };
    if (!parsed.ok || !group) return { kind: "invalid", errors };
    const { role, reason } = parsed.input;
    return this.change(role, async (tx, now) => {
      const stored = await tx.directoryGroup.upsert({
        where: { channel_externalId: { channel: group.channel, externalId: group.externalId } },
        create: { id: randomUUID(), channel: group.channel, externalId: group.externalId, name: group.name, createdAt: now },
        update: { name: group.name },
      });
      const bound = await tx.roleGrant.findFirst({ where: { role, groupId: stored.id, ...grantInEffect(now) } });
      if (bound) return { kind: "invalid", errors: { group: `${group.name} already holds the ${ROLE_NAMES[role]} role.` } };
      const grant = await tx.roleGrant.create({
        data: { id: randomUUID(), role, source: "group", groupId: stored.id, effectiveFrom: now, grantedBy: identityKey(by), reason },
      });
      return this.changed(tx, by, "role.group_bound", null, grant, `${ROLE_NAMES[role]} bound to ${group.name}`);
    });
  }

  /** An AIMS owner ends a grant or a group binding, with a reason. The last AIMS owner cannot be removed. */
  async revoke(by: Actor, grantId: string, rawReason: unknown): Promise<RoleChangeResult> {
    const refusal = await this.changeRefusal(by);
    if (refusal) return { kind: "forbidden", message: refusal };
    const reason = parseReason(rawReason);
    if (!reason.ok) return { kind: "invalid", errors: reason.errors };
    const existing = await this.deps.prisma.roleGrant.findUnique({ where: { id: grantId }, include: { group: true } });
    // A grant given until a date is still held before it; revoking it ends it now.
    if (!existing || (existing.effectiveUntil && existing.effectiveUntil <= this.deps.clock.now())) return { kind: "invalid", errors: { grant: "This role is no longer held; nothing to revoke." } };
    if (existing.source === "environment") {
      return { kind: "invalid", errors: { grant: `This role comes from ${existing.variable}: remove the id there and restart to end it.` } };
    }
    return this.change(existing.role, async (tx, now) => {
      const ended = await tx.roleGrant.updateMany({ where: { id: grantId, OR: [{ effectiveUntil: null }, { effectiveUntil: { gt: now } }] }, data: { effectiveUntil: now, endedBy: identityKey(by), endReason: reason.value } });
      if (ended.count === 0) return { kind: "invalid", errors: { grant: "This role is no longer held; nothing to revoke." } };
      if (existing.role === "owner" && !(await anyoneHolds(tx, "owner", now))) {
        throw new LastOwnerRefusal();
      }
      const after = await tx.roleGrant.findUniqueOrThrow({ where: { id: grantId } });
      const what = existing.group ? `unbound from ${existing.group.name}` : "revoked";
      return this.changed(tx, by, existing.group ? "role.group_unbound" : "role.revoked", existing, after, `${ROLE_NAMES[existing.role]} ${what}`);
    });
  }

  /**
   * Runs one role change in a transaction that holds the role's lock, so two owners revoking each other at the same
   * moment cannot leave the AIMS without an owner.
   */
  private async change(role: AimsRole, body: (tx: Tx, now: Date) => Promise<RoleChangeResult>): Promise<RoleChangeResult> {
    try {
      const result = await this.deps.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`aims-role:${role}`}))`;
        const outcome = await body(tx, this.deps.clock.now());
        if (outcome.kind !== "ok") throw new Refused(outcome);
        return outcome;
      });
      void this.deps.events.deliverPending();
      return result;
    } catch (error) {
      if (error instanceof Refused) return error.result;
      if (error instanceof LastOwnerRefusal) return { kind: "invalid", errors: { grant: "This is the last AIMS owner: grant the role to someone else first." } };
      throw error;
    }
  }

  private async changed(tx: Tx, by: Actor, action: string, before: RoleGrant | null, after: RoleGrant, summary: string): Promise<RoleChangeResult> {
    await recordAudit(tx, this.deps.clock, { actor: by, action, entityType: "role_grant", entityId: after.id, before, after, controls: ROLE_CONTROLS });
    const change = action === "role.granted" ? "granted" : action === "role.group_bound" ? "bound" : action === "role.group_unbound" ? "unbound" : "revoked";
    await this.deps.events.record(tx, "role.changed", { role: after.role, change, summary }, `role:${after.role}`);
    return { kind: "ok", grant: after };
  }
}

/** Rolls back a change that turned out not to be allowed once inside its transaction. */
class Refused extends Error {
  constructor(readonly result: RoleChangeResult) {
    super("role change refused");
  }
}

class LastOwnerRefusal extends Error {}

function article(role: AimsRole): string {
  return /^[aeiou]/i.test(ROLE_NAMES[role]) ? "an" : "a";
}
