import type { Actor } from "../../core/actor.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { CorrectiveAction, EffectivenessCheck, Improvement, Nonconformity } from "../../db/generated/client.js";
import type { DueItem } from "../reminders/due-item.js";
import type { PeopleNames } from "../people/people-names.js";
import { EFFECTIVENESS_CHECK_DAYS } from "./controls.js";
import "./nonconformity-events.js";

export interface NonconformityDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  people: PeopleNames;
}

/** An expected reason a change did not happen, with a message for the person who asked. */
export type NcRefusal = { kind: "not_found" | "forbidden" | "refused"; message: string };
export type NcInvalid = { kind: "invalid"; errors: Partial<Record<string, string>> };

export type NonconformityDetails = Nonconformity & { correctiveActions: CorrectiveAction[]; checks: EffectivenessCheck[]; improvements: Improvement[] };

export const EFFECTIVENESS_CHECK_SOURCE = "nc-effectiveness-check";

export const ncNotFound = (reference: string): NcRefusal => ({ kind: "not_found", message: `There is no nonconformity ${reference}.` });

/** Why this person may not change this nonconformity, or null: its owner and the AIMS owners may. */
export async function ncChangeRefusal(roles: Roles, actor: Pick<Actor, "channel" | "id">, nc: Nonconformity, tx?: Tx): Promise<string | null> {
  if (await roles.samePerson(actor, { channel: nc.ownerChannel, id: nc.ownerId }, tx)) return null;
  if (await roles.has(actor, "owner", tx)) return null;
  return `Only the owner of ${nc.reference} and the AIMS owners can change it.`;
}

/** The day `days` after `now`, at midnight UTC (as due dates are stored). */
export function daysAfter(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
}

export const checkDueAfter = (now: Date) => daysAfter(now, EFFECTIVENESS_CHECK_DAYS);

const TITLE_MAX = 150;
const short = (text: string) => (text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX - 1)}…` : text);

/** The effectiveness check of a nonconformity whose actions are all done, due on its check date, owned by its owner. */
export function effectivenessCheckItem(nc: Nonconformity & { checkDueAt: Date }): DueItem {
  return {
    source: EFFECTIVENESS_CHECK_SOURCE,
    itemId: nc.reference,
    title: `Effectiveness check of ${nc.reference}: ${short(nc.description)}`,
    dueAt: nc.checkDueAt,
    owner: { channel: nc.ownerChannel, id: nc.ownerId, name: nc.ownerName },
    controls: nc.controls,
    kind: "task",
  };
}

/** Records that the nonconformity changed, in the change's transaction; returns it as it now stands. */
export async function recordNcChange(tx: Tx, events: EventBus, id: number, change: string): Promise<Nonconformity> {
  const nonconformity = await tx.nonconformity.findUniqueOrThrow({ where: { id } });
  await events.record(tx, "nonconformity.changed", { nonconformity, change }, nonconformity.reference);
  return nonconformity;
}
