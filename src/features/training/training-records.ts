import type { ChatChannel } from "../../core/actor.js";
import type { Prisma } from "../../db/database.js";

/** A person's pass of a training module, as `/aims me` lists it. */
export interface TrainingLine {
  title: string;
  version: number;
  score: number;
  completedAt: Date;
  dueAgainAt: Date | null;
  channel: ChatChannel;
}

/** The person's training passes (all their accounts), newest first, with how many there are in all. */
export async function trainingPassedBy(db: Prisma, personIds: readonly string[], take: number): Promise<{ total: number; items: TrainingLine[] }> {
  const where = { personId: { in: [...personIds] } };
  const [rows, total] = await Promise.all([db.trainingCompletion.findMany({ where, orderBy: [{ completedAt: "desc" }, { id: "desc" }], take }), db.trainingCompletion.count({ where })]);
  return {
    total,
    items: rows.map((row) => ({ title: row.moduleTitle, version: row.moduleVersion, score: row.score, completedAt: row.completedAt, dueAgainAt: row.dueAgainAt, channel: row.channel })),
  };
}
