import { CHAT_CHANNELS, type ChatChannel } from "../../core/actor.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { AiToolRequest, ApprovalStageDeadline } from "../../db/generated/client.js";
import type { DueItem, DueItemOwner, DueItemSource } from "../reminders/due-item.js";
import { parseHolder } from "./approval-policy/approval-policy.js";
import { progressOf, stagesOf } from "./approval-stages.js";
import { APPROVAL_STAGE_SOURCE, stageOccurrence } from "./stage-deadlines.js";

/**
 * Approval stages past their deadline as reminders (ISO 42001 A.9.2, A.6.2.5): the people who may decide the stage
 * now are reminded once when it is due, and the AIMS owners when its grace is over. Only a decision on the request
 * settles them, so Mark done and Reassign point there instead.
 */
export function approvalStageSource(roles: Roles): DueItemSource {
  return {
    name: APPROVAL_STAGE_SOURCE,
    async listDue(db, until) {
      const deadlines = await db.approvalStageDeadline.findMany({ where: { settledAt: null, dueAt: { lte: until } }, include: { request: true }, orderBy: { dueAt: "asc" } });
      const items: DueItem[] = [];
      for (const deadline of deadlines) {
        const item = await stageItem(db, roles, deadline.request, deadline);
        if (item) items.push(item);
      }
      return items;
    },
    async find(db, itemId) {
      const [reference, stageId] = itemId.split("/");
      const request = reference ? await db.aiToolRequest.findUnique({ where: { reference } }) : null;
      if (!request || !stageId) return null;
      const deadline = await db.approvalStageDeadline.findUnique({ where: { requestId_revision_stageId: { requestId: request.id, revision: request.revision, stageId } } });
      return deadline && !deadline.settledAt ? stageItem(db, roles, request, deadline) : null;
    },
    async complete(_tx, item) {
      return { refused: `Decide ${requestOf(item)} on its message in the approvals channel; these reminders stop once the stage is decided.` };
    },
    async reassign(_tx, item) {
      return { refused: `Approval stages go to the people the approval policy names; decide ${requestOf(item)} on its message in the approvals channel.` };
    },
  };
}

const requestOf = (item: DueItem) => item.itemId.split("/")[0]!;

/**
 * The stage as a reminder, while it waits: the first person who may decide it stands as the owner and the others
 * share it. Nobody is reminded of their own request, nor of a stage after deciding another of the same revision.
 */
async function stageItem(db: Prisma | Tx, roles: Roles, request: AiToolRequest, deadline: ApprovalStageDeadline): Promise<DueItem | null> {
  if (request.status !== "pending" || deadline.revision !== request.revision) return null;
  const taken = await db.requestStageDecision.findMany({ where: { requestId: request.id, revision: request.revision } });
  const entry = progressOf(stagesOf(request), taken).find((progress) => progress.stage.id === deadline.stageId);
  if (entry?.state !== "waiting") return null;
  const excluded = [{ channel: request.requesterChannel, id: request.requesterId }, ...taken.map((decision) => ({ channel: decision.deciderChannel, id: decision.deciderId }))];
  const eligible: DueItemOwner[] = [];
  for (const person of await holdersOf(db, roles, entry.waitingFor)) {
    if (eligible.some((other) => other.channel === person.channel && other.id === person.id)) continue;
    let out = false;
    for (const other of excluded) out ||= await roles.samePerson(person, other, db as Tx);
    if (!out) eligible.push(person);
  }
  const item = { ...stageOccurrence(request.reference, deadline), title: `Decide ${request.reference} (${request.toolName}) at the ${entry.stage.name} stage`, kind: "task" as const };
  const [owner, ...sharedWith] = eligible;
  if (owner) return { ...item, owner, sharedWith, escalateAt: deadline.escalateAt, graceWorkingHours: entry.stage.escalateAfterHours };
  // Nobody to remind (an empty group, only the requester eligible): the AIMS owners are told at the deadline, not later.
  const aimsOwner = await firstAimsOwner(db, roles, request.requesterChannel);
  if (!aimsOwner) return null;
  return { ...item, owner: aimsOwner, nobodyCanAct: `Nobody can decide the ${entry.stage.name} stage: no one holding ${entry.waitingFor.join(", ")} may decide it (the requester and anyone who decided another stage cannot).` };
}

/** An AIMS owner to stand for the escalation's channel: on the request's channel when there is one. */
async function firstAimsOwner(db: Prisma | Tx, roles: Roles, preferred: ChatChannel): Promise<DueItemOwner | null> {
  for (const channel of [preferred, ...CHAT_CHANNELS.filter((other) => other !== preferred)]) {
    const [id] = await roles.members("owner", channel, db as Tx);
    if (id) return { channel, id };
  }
  return null;
}

/** The accounts holding any of `holders` now: an AIMS role's members, or the members of a group a role is bound to. */
async function holdersOf(db: Prisma | Tx, roles: Roles, holders: readonly string[]): Promise<DueItemOwner[]> {
  const people: DueItemOwner[] = [];
  for (const holder of holders) {
    const parsed = parseHolder(holder);
    if (parsed?.kind === "role") {
      for (const channel of CHAT_CHANNELS) for (const id of await roles.members(parsed.role, channel, db as Tx)) people.push({ channel, id });
    } else if (parsed?.kind === "group") {
      const members = await db.groupMembership.findMany({
        where: { until: null, group: { name: parsed.name, grants: { some: { effectiveUntil: null } } } },
        select: { channel: true, externalId: true },
        orderBy: { id: "asc" },
      });
      people.push(...members.map((member) => ({ channel: member.channel, id: member.externalId })));
    }
  }
  return people;
}
