import { randomUUID } from "node:crypto";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { ChatIdentity } from "../../db/generated/client.js";
import { PEOPLE_CONTROLS } from "./controls.js";
import { identityKey, identityWhere, type IdentityRef } from "./identity-key.js";
import "./organisation-events.js";

export interface PeopleDirectoryDeps {
  prisma: Prisma;
  clock: Clock;
  events: EventBus;
}

/** What a platform says about an account (Slack users.info, a Teams roster entry, an activity's sender). */
export interface AccountFacts extends IdentityRef {
  name?: string | null;
  /** Only an email the platform has verified: it is what links accounts across channels. */
  verifiedEmail?: string | null;
  /** The platform reports the account deactivated, deleted or removed, with how it said so. */
  deactivated?: { reason: string } | null;
}

export type LinkResult = { kind: "linked" | "already_linked" } | { kind: "invalid"; errors: Partial<Record<string, string>> };

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * People across chat channels (ISO 42001 5.3): each chat account belongs to one person; accounts that report the same
 * verified email are one person, and why is stored on the account. Rules that compare people ("not your own
 * request") ask `samePerson`.
 */
export class PeopleDirectory {
  constructor(private readonly deps: PeopleDirectoryDeps) {}

  /** Whether two accounts are one person: the same account, or accounts linked to the same person. */
  async samePerson(a: IdentityRef, b: IdentityRef, tx?: Tx): Promise<boolean> {
    if (a.channel === b.channel && a.id === b.id) return true;
    const found = await (tx ?? this.deps.prisma).chatIdentity.findMany({
      where: { OR: [a, b].map((identity) => ({ channel: identity.channel, externalId: identity.id })) },
      select: { personId: true },
    });
    return found.length === 2 && found[0]!.personId === found[1]!.personId;
  }

  /** The account's record, or null when the bot has never heard of it. */
  identity(identity: IdentityRef): Promise<ChatIdentity | null> {
    return this.deps.prisma.chatIdentity.findUnique({ where: identityWhere(identity) });
  }

  /** Every account of the person behind this one (itself included), or just itself when it is unknown. */
  async accountsOf(identity: IdentityRef): Promise<ChatIdentity[]> {
    const own = await this.identity(identity);
    if (!own) return [];
    return this.deps.prisma.chatIdentity.findMany({ where: { personId: own.personId }, orderBy: [{ channel: "asc" }, { externalId: "asc" }] });
  }

  /**
   * Records what a platform reported about an account: creates its person on first sight, links it to the person
   * who already has the same verified email, marks it deactivated (or active again). Idempotent.
   */
  async observe(facts: AccountFacts): Promise<ChatIdentity> {
    const { prisma, events } = this.deps;
    const identity = await prisma.$transaction((tx) => this.observeIn(tx, facts));
    void events.deliverPending();
    return identity;
  }

  /** `observe` inside the caller's transaction. */
  async observeIn(tx: Tx, facts: AccountFacts): Promise<ChatIdentity> {
    const { clock, events } = this.deps;
    const now = clock.now();
    const email = facts.verifiedEmail ? normaliseEmail(facts.verifiedEmail) : null;
    let identity = await this.ensureIn(tx, facts, facts.name ?? null);
    const changes: Partial<ChatIdentity> = { lookedUpAt: now };
    const reportsNew = (facts.name && facts.name !== identity.name) || (email && email !== identity.email);
    // A person whose data was erased keeps their pseudonym: what the platform still reports is not taken back in.
    const erased = reportsNew && (await tx.person.findUnique({ where: { id: identity.personId }, select: { erasedAt: true } }))?.erasedAt;
    if (!erased && facts.name && facts.name !== identity.name) changes.name = facts.name;
    if (!erased && email && email !== identity.email) changes.email = email;
    if (facts.deactivated && !identity.deactivatedAt) {
      changes.deactivatedAt = now;
      changes.deactivationReason = facts.deactivated.reason;
    }
    if (facts.deactivated === null && identity.deactivatedAt) {
      changes.deactivatedAt = null;
      changes.deactivationReason = null;
    }
    const before = identity;
    identity = await tx.chatIdentity.update({ where: identityWhere(facts), data: changes });
    if (changes.deactivatedAt) {
      await this.audit(tx, null, "person.deactivated", before, identity);
      await events.record(tx, "person.deactivated", { identity: { channel: identity.channel, id: identity.externalId, name: identity.name } }, `person:${identity.personId}`);
    } else if (before.deactivatedAt && !identity.deactivatedAt) {
      await this.audit(tx, null, "person.reactivated", before, identity);
    }
    if (email && !erased && !identity.linkedByHand) identity = await this.linkByEmail(tx, identity, email);
    return identity;
  }

  /** The account's record, created with a person of its own on first sight. */
  async ensureIn(tx: Tx, account: IdentityRef, name: string | null = null): Promise<ChatIdentity> {
    const existing = await tx.chatIdentity.findUnique({ where: identityWhere(account) });
    if (existing) return existing;
    const now = this.deps.clock.now();
    const person = await tx.person.create({ data: { id: randomUUID(), createdAt: now } });
    // Two replicas may see a new account at the same moment: the second insert does nothing and reads the first's.
    await tx.chatIdentity.createMany({
      data: [{ channel: account.channel, externalId: account.id, personId: person.id, name, linkReason: "first seen by the bot", linkedAt: now }],
      skipDuplicates: true,
    });
    const identity = await tx.chatIdentity.findUniqueOrThrow({ where: identityWhere(account) });
    if (identity.personId !== person.id) await tx.person.delete({ where: { id: person.id } });
    return identity;
  }

  /** An AIMS owner says two accounts are one person (or that an account is its own person), with a reason. */
  async link(by: Actor, a: IdentityRef, b: IdentityRef, reason: string): Promise<LinkResult> {
    if (!reason.trim()) return { kind: "invalid", errors: { reason: "Say why these accounts are the same person." } };
    if (a.channel === b.channel && a.id === b.id) return { kind: "invalid", errors: { other: "Pick two different accounts." } };
    return this.deps.prisma.$transaction(async (tx) => {
      const first = await this.ensureIn(tx, a);
      const second = await this.ensureIn(tx, b);
      if (first.personId === second.personId) return { kind: "already_linked" };
      await this.mergePerson(tx, second.personId, first.personId, `linked by ${identityKey(by)}: ${reason.trim()}`, by, true);
      return { kind: "linked" };
    });
  }

  /** An AIMS owner separates an account from the person it was linked to; it becomes a person of its own. */
  async unlink(by: Actor, account: IdentityRef, reason: string): Promise<LinkResult> {
    if (!reason.trim()) return { kind: "invalid", errors: { reason: "Say why this account is not the same person." } };
    const { clock } = this.deps;
    return this.deps.prisma.$transaction(async (tx) => {
      const identity = await tx.chatIdentity.findUnique({ where: identityWhere(account) });
      if (!identity) return { kind: "invalid", errors: { account: "The bot does not know this account." } };
      const others = await tx.chatIdentity.count({ where: { personId: identity.personId, NOT: { channel: identity.channel, externalId: identity.externalId } } });
      if (others === 0) return { kind: "invalid", errors: { account: "This account is not linked to any other." } };
      const person = await tx.person.create({ data: { id: randomUUID(), createdAt: clock.now() } });
      const after = await tx.chatIdentity.update({
        where: identityWhere(account),
        data: { personId: person.id, linkReason: `unlinked by ${identityKey(by)}: ${reason.trim()}`, linkedAt: clock.now(), linkedByHand: true },
      });
      await this.audit(tx, by, "person.unlinked", identity, after);
      return { kind: "linked" };
    });
  }

  private async linkByEmail(tx: Tx, identity: ChatIdentity, email: string): Promise<ChatIdentity> {
    const owner = await tx.person.findUnique({ where: { email } });
    if (!owner) {
      const mine = await tx.person.findUniqueOrThrow({ where: { id: identity.personId } });
      if (!mine.email) await tx.person.update({ where: { id: mine.id }, data: { email } });
      return identity;
    }
    if (owner.id === identity.personId) return identity;
    const other = await tx.chatIdentity.findFirst({ where: { personId: owner.id, email } });
    const seenOn = other ? `the ${other.channel === "slack" ? "Slack" : "Teams"} account ${other.externalId}` : "another account";
    await this.mergePerson(tx, identity.personId, owner.id, `same verified email ${email} as ${seenOn}`, null, false);
    return tx.chatIdentity.findUniqueOrThrow({ where: identityWhere({ channel: identity.channel, id: identity.externalId }) });
  }

  /** Moves every account, role grant and delegation of `from` to `into`, and removes `from`. */
  private async mergePerson(tx: Tx, from: string, into: string, reason: string, by: Actor | null, byHand: boolean): Promise<void> {
    const now = this.deps.clock.now();
    const moved = await tx.chatIdentity.findMany({ where: { personId: from } });
    await tx.chatIdentity.updateMany({ where: { personId: from }, data: { personId: into, linkReason: reason, linkedAt: now, ...(byHand ? { linkedByHand: true } : {}) } });
    await tx.roleGrant.updateMany({ where: { personId: from }, data: { personId: into } });
    await tx.delegation.updateMany({ where: { delegatorPersonId: from }, data: { delegatorPersonId: into } });
    await tx.delegation.updateMany({ where: { delegatePersonId: from }, data: { delegatePersonId: into } });
    const absorbed = await tx.person.delete({ where: { id: from } });
    const survivor = await tx.person.findUniqueOrThrow({ where: { id: into } });
    if (!survivor.email && absorbed.email) await tx.person.update({ where: { id: into }, data: { email: absorbed.email } });
    for (const identity of moved) {
      await this.audit(tx, by, "person.linked", identity, { ...identity, personId: into, linkReason: reason });
    }
  }

  private audit(tx: Tx, by: Actor | null, action: string, before: ChatIdentity, after: ChatIdentity): Promise<void> {
    return recordAudit(tx, this.deps.clock, {
      actor: by,
      action,
      entityType: "chat_identity",
      entityId: identityKey({ channel: after.channel, id: after.externalId }),
      before,
      after,
      controls: PEOPLE_CONTROLS,
    });
  }
}
