import type { Clock } from "../../core/clock.js";
import type { Prisma } from "../../db/database.js";
import type { AccountLine } from "./personal-data.js";
import { identityKey, identityWhere, type IdentityRef } from "./identity-key.js";
import {
  assessmentsBy,
  auditsBy,
  vendorsOwnedBy,
  concernsAssignedTo,
  correctiveActionsOwnedBy,
  nonconformitiesOwnedBy,
  reviewActionsOwnedBy,
  heldAt,
  objectivesOwnedBy,
  remindersPendingFor,
  reviewsOwnedBy,
  roleHistory,
  systemsOwnedBy,
  type AssessmentLine,
  type Listed,
  type OwnedLine,
  type ReminderLine,
  type RoleHolding,
} from "./person-records.js";

/**
 * What a leaver still holds, for the AIMS owners to hand over (ISO 42001 5.3, A.3.2). Requests waiting for them as an
 * approver are not listed: any other approver can decide them.
 */
export interface OpenDuties {
  /** The account reported deactivated. */
  leaver: AccountLine;
  /** The person's other accounts, which may still be active. */
  otherAccounts: AccountLine[];
  roles: RoleHolding[];
  systems: Listed<OwnedLine>;
  reviews: Listed<OwnedLine>;
  correctiveActions: Listed<OwnedLine>;
  nonconformities: Listed<OwnedLine>;
  /** Open actions from management reviews (9.3.3) they own. */
  reviewActions: Listed<OwnedLine>;
  objectives: Listed<OwnedLine>;
  /** Internal audits planned or in progress with them as the auditor. */
  audits: Listed<OwnedLine>;
  /** AI vendors they are the internal owner of, to hand to another owner. */
  vendors: Listed<OwnedLine>;
  assessments: Listed<AssessmentLine>;
  reminders: Listed<ReminderLine>;
  concerns: Listed<OwnedLine>;
}

/** Whether anything at all is left to hand over. */
export function hasOpenDuties(duties: OpenDuties): boolean {
  const lists = [duties.systems, duties.reviews, duties.correctiveActions, duties.nonconformities, duties.reviewActions, duties.objectives, duties.audits, duties.vendors, duties.assessments, duties.reminders, duties.concerns];
  return duties.roles.length > 0 || lists.some((list) => list.total > 0);
}

/**
 * The open duties of the person behind a deactivated account, across all their accounts; null when the account is
 * unknown or active again (it came back before the report went out).
 */
export async function openDuties(deps: { prisma: Prisma; clock: Clock }, account: IdentityRef): Promise<OpenDuties | null> {
  const { prisma, clock } = deps;
  const leaver = await prisma.chatIdentity.findUnique({ where: identityWhere(account) });
  if (!leaver?.deactivatedAt) return null;
  const accounts = await prisma.chatIdentity.findMany({ where: { personId: leaver.personId }, orderBy: [{ channel: "asc" }, { externalId: "asc" }] });
  const refs = accounts.map((identity) => ({ channel: identity.channel, id: identity.externalId }));
  const now = clock.now();
  const roles = (await roleHistory(prisma, [leaver.personId], refs)).filter((holding) => heldAt(holding, now));
  const [systems, reviews, correctiveActions, nonconformities, reviewActions, objectives, audits, vendors, assessments, reminders, concerns] = await Promise.all([
    systemsOwnedBy(prisma, refs),
    reviewsOwnedBy(prisma, refs),
    correctiveActionsOwnedBy(prisma, refs, true),
    nonconformitiesOwnedBy(prisma, refs, true),
    reviewActionsOwnedBy(prisma, refs, true),
    objectivesOwnedBy(prisma, refs),
    auditsBy(prisma, refs, true),
    vendorsOwnedBy(prisma, refs),
    assessmentsBy(prisma, refs, true),
    remindersPendingFor(prisma, refs),
    concernsAssignedTo(prisma, refs),
  ]);
  const others = accounts.filter((identity) => identity.channel !== leaver.channel || identity.externalId !== leaver.externalId);
  return { leaver, otherAccounts: others, roles, systems, reviews, correctiveActions, nonconformities, reviewActions, objectives, audits, vendors, assessments, reminders, concerns };
}

/**
 * Where the report to one owner (or channel) is remembered once sent, so a retried delivery skips those already told.
 * Per deactivation: an account deactivated again after coming back is reported again.
 */
export function leaverReportKey(duties: OpenDuties, target: string): { entityType: string; entityId: string; purpose: string } {
  const { leaver } = duties;
  const entityId = `${identityKey({ channel: leaver.channel, id: leaver.externalId })}@${leaver.deactivatedAt?.toISOString()}`;
  return { entityType: "chat_identity", entityId, purpose: `leaver-report:${target}` };
}
