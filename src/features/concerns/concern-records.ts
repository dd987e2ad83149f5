import type { EventBus } from "../../core/events.js";
import type { Concern, ConcernMessage } from "../../db/generated/client.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { Tx } from "../../core/transaction.js";
import { CONCERN_CONTROLS, CONCERN_MESSAGE_CONTROLS } from "./controls.js";
import { dayOf } from "./deadlines.js";

export const CONCERN_ENTITY = "concern";

/** A clock that tells only the day, for everything an anonymous reporter does (see Concern.receivedOn). */
export function dayClock(clock: Clock): Clock {
  return { now: () => dayOf(clock.now()) };
}

/** A concern as the audit trail shows it: never the follow-up code or the secret's hash. */
export function auditView(concern: Concern): Omit<Concern, "followUpCode" | "secretHash"> {
  const { followUpCode: _code, secretHash: _hash, ...visible } = concern;
  return visible;
}

/**
 * Adds the reporter's answer to the concern's conversation, if the concern is still open. The row lock makes the
 * status check hold until the answer is written. `reporter` is null for anonymous reporters.
 */
export async function addReporterAnswer(
  tx: Tx,
  { clock, events }: { clock: Clock; events: EventBus },
  concern: Concern,
  reporter: Actor | null,
  body: string,
): Promise<ConcernMessage | null> {
  const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Concern" WHERE "id" = ${concern.id} FOR UPDATE`;
  if (!locked || !["received", "acknowledged", "investigating"].includes(locked.status)) return null;
  const auditClock = reporter ? clock : dayClock(clock);
  const message = await tx.concernMessage.create({
    data: {
      concernId: concern.id,
      author: "reporter",
      body,
      sentOn: dayOf(clock.now()),
      controls: [...CONCERN_MESSAGE_CONTROLS],
    },
  });
  await recordAudit(tx, auditClock, {
    actor: reporter,
    action: "concern.answered",
    entityType: CONCERN_ENTITY,
    entityId: concern.reference,
    after: { messageId: message.id, body },
    controls: CONCERN_CONTROLS,
    undated: !reporter,
  });
  await events.record(tx, "concern.changed", { concern, change: { kind: "answer", message } }, concern.reference);
  return message;
}
