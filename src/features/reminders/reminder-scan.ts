import type { Prisma } from "../../db/database.js";
import type { Roles } from "../../core/roles.js";
import type { NewDelivery, Recipient } from "../scheduler/delivery.js";
import type { DueScan } from "../scheduler/scheduler.js";
import { nextDeliveryTime, type DeliveryWindow } from "../scheduler/working-hours.js";
import { chunks } from "./chunks.js";
import { occurrenceKey, type DueItem } from "./due-item.js";
import { dueItemToJson, type ReminderPayload } from "./reminder-payload.js";
import { planReminders, type OccurrenceState, type PlannedReminder, type ReminderPolicy } from "./reminder-plan.js";

export interface ReminderScanDeps {
  prisma: Prisma;
  roles: Roles;
  /** Open items of every source due on or before `until`, with their owners' names. */
  listDue: (until: Date) => Promise<DueItem[]>;
  policy: ReminderPolicy;
  window: DeliveryWindow;
}

const DAY_MS = 86400_000;

/** Finds due items in every source and turns the reminders they need now into deliveries in working hours. */
export class ReminderScan implements DueScan {
  readonly name = "reminders";

  constructor(private readonly deps: ReminderScanDeps) {}

  async scan(now: Date, timezoneOf: (recipient: Recipient) => Promise<string | undefined>): Promise<NewDelivery[]> {
    const { policy } = this.deps;
    const horizon = new Date(now.getTime() + (Math.max(0, ...policy.offsetsDays) + 1) * DAY_MS);
    const items = await this.deps.listDue(horizon);
    const states = await this.occurrenceStates(items.map(occurrenceKey));

    const owners = { slack: await this.deps.roles.members("owner", "slack"), teams: await this.deps.roles.members("owner", "teams") };
    const candidates = items.flatMap((item) =>
      planReminders(item, states.get(occurrenceKey(item)) ?? null, policy, now).flatMap((plan) => this.toDeliveries(item, plan, owners[item.owner.channel])),
    );
    const existing = await this.existingKeys(candidates.map((candidate) => candidate.key));
    const fresh = candidates.filter((candidate) => !existing.has(candidate.key));
    const zones = new Map<string, string | undefined>();
    for (const delivery of fresh) {
      const recipientKey = `${delivery.recipient.channel}:${delivery.recipient.id}`;
      if (!zones.has(recipientKey)) zones.set(recipientKey, await timezoneOf(delivery.recipient));
      const zone = zones.get(recipientKey) ?? policy.zone;
      delivery.notBefore = nextDeliveryTime(now, zone, this.deps.window);
      delivery.payload = { ...(delivery.payload as ReminderPayload), zone };
    }
    return fresh;
  }

  /** The reminder to the item's owner (and those it is shared with), or its escalation to the AIMS owners on its channel. */
  private toDeliveries(item: DueItem, plan: PlannedReminder, aimsOwners: readonly string[]): NewDelivery[] {
    const base = { occurrenceKey: plan.occurrenceKey, kind: plan.kind, notBefore: plan.at };
    const json = dueItemToJson(item);
    if (plan.kind === "reminder") {
      const payload: ReminderPayload = { type: "reminder", stage: plan.stage as never, occurrenceKey: plan.occurrenceKey, item: json };
      const shared = (item.sharedWith ?? []).map((person) => ({ ...base, key: `${plan.key}|${person.id}`, recipient: { channel: person.channel, id: person.id }, payload }));
      return [{ ...base, key: plan.key, recipient: { channel: item.owner.channel, id: item.owner.id }, payload }, ...shared];
    }
    const payload: ReminderPayload = { type: "escalation", occurrenceKey: plan.occurrenceKey, item: json, graceDays: this.deps.policy.graceDays };
    return aimsOwners.map((id) => ({ ...base, key: `${plan.key}|${id}`, recipient: { channel: item.owner.channel, id }, payload }));
  }

  private async occurrenceStates(keys: string[]): Promise<Map<string, OccurrenceState>> {
    const states = new Map<string, OccurrenceState>();
    for (const part of chunks(keys)) {
      const rows = await this.deps.prisma.dueItemOccurrence.findMany({ where: { occurrenceKey: { in: part } } });
      for (const row of rows) states.set(row.occurrenceKey, row);
    }
    return states;
  }

  private async existingKeys(keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks(keys)) {
      const rows = await this.deps.prisma.scheduledDelivery.findMany({ where: { key: { in: part } }, select: { key: true } });
      for (const row of rows) found.add(row.key);
    }
    return found;
  }
}
