import type { Actor } from "../../core/actor.js";
import type { EventBus } from "../../core/events.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { AiSystem, ImpactAssessment } from "../../db/generated/client.js";
import { chunks } from "../reminders/chunks.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";
import { settleOccurrence } from "../reminders/settle.js";
import { reassignAiSystem } from "../requests/register-review-source.js";

export const REASSESSMENT_SOURCE = "reassessment";

/** Impact assessments repeated at planned intervals (6.1.4, 8.4) and kept with the system's records (A.5.2, A.5.3). */
const REASSESSMENT_CONTROLS = ["6.1.4", "8.4", "A.5.2", "A.5.3"] as const;

const LATEST_FIRST = [{ signedOffAt: "desc" as const }, { id: "desc" as const }];

type SystemAssessment = ImpactAssessment & { aiSystem: AiSystem | null };

/**
 * The latest signed-off assessment of each active AI system, when its re-assessment is due by `until`. An older
 * assessment never counts: once a newer one is signed off, the system's re-assessment date is the newer one's.
 */
export function latestDueAssessments(db: Prisma | Tx, until: Date): Promise<{ id: number; nextReassessmentAt: Date }[]> {
  return db.$queryRaw<{ id: number; nextReassessmentAt: Date }[]>`
    SELECT "id", "nextReassessmentAt" FROM (
      SELECT DISTINCT ON (a."aiSystemId") a."id", a."nextReassessmentAt"
      FROM "ImpactAssessment" a JOIN "AiSystem" s ON s."id" = a."aiSystemId"
      WHERE a."status" = 'signed_off' AND s."status" = 'active'
      ORDER BY a."aiSystemId", a."signedOffAt" DESC, a."id" DESC
    ) latest
    WHERE "nextReassessmentAt" <= ${until}`;
}

/**
 * An AI system's planned re-assessment (item id = the system's reference), due on its latest signed-off
 * assessment's `nextReassessmentAt`. The system's owner is reminded: they answer for the system over its life, while
 * the assessor may have been anyone. Reassigning hands the system over, as a register review reminder does.
 */
function toItem(assessment: SystemAssessment): DueItem | null {
  const system = assessment.aiSystem;
  if (!system || !assessment.nextReassessmentAt) return null;
  return {
    source: REASSESSMENT_SOURCE,
    itemId: system.reference,
    title: `Impact re-assessment of ${system.name} (last: ${assessment.reference}, ${assessment.level ?? "unscored"} impact)`,
    dueAt: assessment.nextReassessmentAt,
    owner: { channel: system.ownerChannel, id: system.ownerId, name: system.ownerName },
    controls: REASSESSMENT_CONTROLS,
    kind: "task",
  };
}

const isItem = (item: DueItem | null): item is DueItem => item !== null;

export const reassessmentSource: DueItemSource = {
  name: REASSESSMENT_SOURCE,
  async listDue(db, until) {
    const due = await latestDueAssessments(db, until);
    const assessments: SystemAssessment[] = [];
    for (const part of chunks(due.map((row) => row.id))) {
      assessments.push(...(await db.impactAssessment.findMany({ where: { id: { in: part } }, include: { aiSystem: true } })));
    }
    return assessments
      .map(toItem)
      .filter(isItem)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  },
  async find(db, itemId) {
    const latest = await db.impactAssessment.findFirst({
      where: { status: "signed_off", aiSystem: { reference: itemId, status: "active" } },
      orderBy: LATEST_FIRST,
      include: { aiSystem: true },
    });
    return latest ? toItem(latest) : null;
  },
  async complete(_tx, item) {
    return {
      refused: `A re-assessment is a new impact assessment: run \`/aims assess\` and choose ${item.itemId}. These reminders stop once it is signed off.`,
    };
  },
  reassign: reassignAiSystem,
};

/**
 * Called inside the sign-off transaction of `signedOff`: the re-assessment that was due on the system's previous
 * assessment is done, so its occurrence is completed by the signer and its pending reminders are cancelled.
 */
export async function settleReassessment(tx: Tx, events: EventBus, signedOff: ImpactAssessment, actor: Actor): Promise<void> {
  if (signedOff.aiSystemId === null) return;
  const previous = await tx.impactAssessment.findFirst({
    where: { aiSystemId: signedOff.aiSystemId, status: "signed_off", id: { not: signedOff.id } },
    orderBy: LATEST_FIRST,
    include: { aiSystem: true },
  });
  const item = previous && toItem(previous);
  if (!item) return;
  await settleOccurrence(tx, events, item, { actor, at: signedOff.signedOffAt ?? signedOff.updatedAt, note: `${signedOff.reference} signed off` });
}
