import type { Actor, ChatChannel } from "../../core/actor.js";
import type { Prisma } from "../../db/database.js";
import { chunks } from "../reminders/chunks.js";

export interface Person {
  channel: ChatChannel;
  id: string;
  name?: string | null;
}

/**
 * The names the bot has seen people under, for records that only hold an id (an owner picked in a form, a reassigned
 * item). Teams people are remembered with their name whenever they write to the bot; Slack renders its own mentions.
 */
export class PeopleNames {
  constructor(private readonly prisma: Prisma) {}

  /** `rows` with the person's known name filled in where the row has none. */
  async fill<T>(rows: readonly T[], personOf: (row: T) => Person, withName: (row: T, name: string) => T): Promise<T[]> {
    const missing = [...new Set(rows.map(personOf).filter((person) => !person.name && person.channel === "teams").map((person) => person.id))];
    if (missing.length === 0) return [...rows];
    const names = new Map<string, string>();
    for (const part of chunks(missing)) {
      const known = await this.prisma.teamsUser.findMany({ where: { aadObjectId: { in: part } }, select: { aadObjectId: true, name: true } });
      for (const user of known) if (user.name) names.set(user.aadObjectId, user.name);
    }
    return rows.map((row) => {
      const person = personOf(row);
      const name = !person.name && person.channel === "teams" ? names.get(person.id) : undefined;
      return name ? withName(row, name) : row;
    });
  }

  /** Someone picked in a form (a people picker gives only the id), named as the bot knows them. */
  async person(channel: ChatChannel, id: string): Promise<Actor> {
    const [named] = await this.named<Person>([{ channel, id }]);
    return { channel, id, ...(named?.name ? { name: named.name } : {}) };
  }

  /** People with their known names. */
  named<P extends Person>(people: readonly P[]): Promise<P[]> {
    return this.fill(people, (person) => person, (person, name) => ({ ...person, name }));
  }

  /** Records with an owner (objectives, review schedules, AI systems ...) with the owner's known name. */
  withOwnerNames<T extends { ownerChannel: ChatChannel; ownerId: string; ownerName: string | null }>(rows: readonly T[]): Promise<T[]> {
    return this.fill(rows, (row) => ({ channel: row.ownerChannel, id: row.ownerId, name: row.ownerName }), (row, ownerName) => ({ ...row, ownerName }));
  }
}
