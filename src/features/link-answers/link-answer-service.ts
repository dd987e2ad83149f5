import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import { LINK_ANSWER_CONTROLS } from "./controls.js";
import { hostMatches, hostOf, type LinkCatalogue } from "./link-catalogue.js";
import "./link-answer-events.js";

export interface LinkAnswerDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  catalogue: LinkCatalogue;
  /** Days one person is not told again about the same tool; 0 tells them every time. */
  quietDays: number;
}

/** The tool a link was placed as, for the request form: what a **Request it** button fills in. */
export interface LinkedTool {
  name: string;
  vendor: string;
  url: string;
}

/** What the bot can say about one shared link. */
export type LinkAnswer =
  | {
      kind: "approved";
      tool: LinkedTool;
      reference: string;
      purpose: string;
      owner: { channel: Actor["channel"]; id: string; name: string | null };
      /** What the approvers made it conditional on, and how its owner says to use it. */
      conditions: string[];
      conditionsOfUse: string | null;
    }
  | { kind: NotInUse; tool: LinkedTool; reference: string; reason: string | null }
  | { kind: "pending"; tool: LinkedTool; reference: string; status: "pending" | "changes_requested" }
  | { kind: "not_yet"; tool: LinkedTool };

/** Register states of a tool that may not be used: suspended, retired, or its approval expired. */
export type NotInUse = "suspended" | "retired" | "expired";

export type SwitchResult = { kind: "switched"; on: boolean } | { kind: "unchanged"; on: boolean } | { kind: "forbidden"; message: string };

/** A Teams channel thread's conversation id ends in `;messageid=…`: the switch is for the whole channel. */
export const conversationKey = (conversationId: string): string => conversationId.split(";messageid=")[0] ?? conversationId;

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "Is this AI tool allowed here?" at the moment a link is shared (A.9.2): places a link in the register or the
 * catalogue of well-known AI services, keeps each person from being told twice about one tool within the quiet
 * days, and keeps the AIMS owners' per-conversation off switch.
 */
export class LinkAnswerService {
  constructor(private readonly deps: LinkAnswerDeps) {}

  get catalogue(): LinkCatalogue {
    return this.deps.catalogue;
  }

  /** What the register and the catalogue say about `url`; undefined when the bot cannot place it. */
  async place(url: string): Promise<LinkAnswer | undefined> {
    const host = hostOf(url);
    if (!host) return undefined;
    const { prisma, catalogue } = this.deps;
    const entry = catalogue.match(url);
    // An entry in use first; else a suspended one, then a retired one, then an expired one: the newest says where the tool stands.
    const systems = await prisma.aiSystem.findMany({ orderBy: [{ status: "asc" }, { id: "desc" }] });
    const system = systems.find(
      (candidate) => Boolean(candidate.url && hostOf(candidate.url) && hostMatches(host, hostOf(candidate.url)!)) || Boolean(entry && sameName(candidate.name, entry.tool)),
    );
    if (system) {
      const tool = { name: system.name, vendor: system.vendor, url };
      if (system.status !== "active") return { kind: system.status, tool, reference: system.reference, reason: system.statusReason };
      return {
        kind: "approved",
        tool,
        reference: system.reference,
        purpose: system.purpose,
        owner: { channel: system.ownerChannel, id: system.ownerId, name: system.ownerName },
        conditions: system.conditions,
        conditionsOfUse: system.conditionsOfUse,
      };
    }
    const requests = await prisma.aiToolRequest.findMany({ where: { status: { in: ["pending", "changes_requested"] } }, orderBy: { id: "asc" } });
    const request =
      requests.find((candidate) => candidate.url && hostOf(candidate.url) && hostMatches(host, hostOf(candidate.url)!)) ??
      (entry ? requests.find((candidate) => sameName(candidate.toolName, entry.tool)) : undefined);
    if (request) {
      return {
        kind: "pending",
        tool: { name: request.toolName, vendor: request.vendor, url },
        reference: request.reference,
        status: request.status === "changes_requested" ? "changes_requested" : "pending",
      };
    }
    return entry ? { kind: "not_yet", tool: { name: entry.tool, vendor: entry.vendor, url } } : undefined;
  }

  /**
   * The answer to give `person`, who shared `urls` in `conversationId`: the first link the bot can place and has not
   * told them about within the quiet days; nothing when there is none, or link answers are off there. Giving
   * it is recorded, so a second replica or a retried event does not answer twice.
   */
  async answerFor(person: Pick<Actor, "channel" | "id">, conversationId: string | undefined, urls: readonly string[]): Promise<LinkAnswer | undefined> {
    const { prisma, clock, quietDays } = this.deps;
    if (conversationId && (await this.isOff(person.channel, conversationId))) return undefined;
    for (const url of urls) {
      const answer = await this.place(url);
      if (!answer) continue;
      const toolKey = answer.kind === "not_yet" ? `catalogue:${this.deps.catalogue.match(url)?.domain ?? hostOf(url)}` : answer.reference;
      const now = clock.now();
      const where = { personChannel_personId_toolKey: { personChannel: person.channel, personId: person.id, toolKey } };
      const claimed = await prisma.$transaction(async (tx) => {
        const existing = await tx.linkAnswerNotice.findUnique({ where });
        if (!existing) {
          // Two events for one message (link_shared and message) race here: the unique key lets one insert win.
          const created = await tx.linkAnswerNotice.createMany({ data: [{ personChannel: person.channel, personId: person.id, toolKey, answeredAt: now }], skipDuplicates: true });
          return created.count === 1;
        }
        const quietUntil = existing.answeredAt.getTime() + quietDays * DAY_MS;
        if (quietDays > 0 && now.getTime() < quietUntil) return false;
        const updated = await tx.linkAnswerNotice.updateMany({ where: { id: existing.id, answeredAt: existing.answeredAt }, data: { answeredAt: now } });
        return updated.count === 1;
      });
      if (claimed) return answer;
    }
    return undefined;
  }

  async isOff(channel: Actor["channel"], conversationId: string): Promise<boolean> {
    return (await this.deps.prisma.linkAnswerMute.count({ where: { channel, conversationId: conversationKey(conversationId) } })) > 0;
  }

  maySwitch(actor: Pick<Actor, "channel" | "id">): Promise<boolean> {
    return this.deps.roles.has(actor, "owner");
  }

  /** An AIMS owner turns link answers off or on in one conversation; audited (A.9.2). */
  async switch(actor: Actor, conversation: string, on: boolean): Promise<SwitchResult> {
    const { prisma, clock, events, roles } = this.deps;
    const conversationId = conversationKey(conversation);
    const result = await prisma.$transaction(async (tx): Promise<SwitchResult> => {
      if (!(await roles.has(actor, "owner", tx))) return { kind: "forbidden", message: "Only AIMS owners can turn link answers off or on." };
      const key = { channel: actor.channel, conversationId };
      const existing = await tx.linkAnswerMute.findUnique({ where: { channel_conversationId: key } });
      if (on) {
        if (!existing) return { kind: "unchanged", on };
        const removed = await tx.linkAnswerMute.deleteMany({ where: { id: existing.id } });
        if (removed.count === 0) return { kind: "unchanged", on };
      } else {
        if (existing) return { kind: "unchanged", on };
        const created = await tx.linkAnswerMute.createMany({
          data: [{ ...key, mutedById: actor.id, mutedByName: actor.name ?? null, mutedAt: clock.now() }],
          skipDuplicates: true,
        });
        if (created.count === 0) return { kind: "unchanged", on };
      }
      await recordAudit(tx, clock, {
        actor,
        action: on ? "link_answers.turned_on" : "link_answers.turned_off",
        entityType: "link_answer_conversation",
        entityId: `${actor.channel}:${conversationId}`,
        before: { on: !on },
        after: { on },
        controls: LINK_ANSWER_CONTROLS,
      });
      await events.record(tx, "link_answers.switched", { ...key, on }, `${actor.channel}:${conversationId}`);
      return { kind: "switched", on };
    });
    if (result.kind === "switched") await events.deliverPending();
    return result;
  }
}
