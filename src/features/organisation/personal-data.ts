import type { Clock } from "../../core/clock.js";
import type { Prisma } from "../../db/database.js";
import type { ChatIdentity } from "../../db/generated/client.js";
import type { IdentityRef } from "./identity-key.js";
import { type TrainingLine, trainingPassedBy } from "../training/training-records.js";
import { type OpenCampaignLine, openCampaignsFor } from "../policies/open-campaigns.js";
import type { PeopleDirectory } from "./people-directory.js";
import {
  RECORDS_SHOWN,
  acknowledgementsBy,
  assessmentsBy,
  correctiveActionsOwnedBy,
  nonconformitiesOwnedBy,
  reviewActionsOwnedBy,
  incidentsReportedBy,
  namedConcernsBy,
  objectivesOwnedBy,
  auditsBy,
  vendorsOwnedBy,
  remindersPendingFor,
  requestsBy,
  roleHistory,
  systemsOwnedBy,
  heldAt,
  type AcknowledgementLine,
  type AssessmentLine,
  type Listed,
  type OwnedLine,
  type ReminderLine,
  type RequestLine,
  type RoleHolding,
} from "./person-records.js";

/** An account of the person; `linkReason` null: the directory has not met it yet. */
export type AccountLine = Pick<ChatIdentity, "channel" | "externalId" | "name" | "email" | "deactivatedAt" | "deactivationReason"> & { linkReason: string | null };

/** What the bot holds about one person, across every account of theirs (GDPR Art. 15; ISO 42001 5.3 for the roles). */
export interface PersonalData {
  accounts: AccountLine[];
  roles: { current: RoleHolding[]; past: RoleHolding[] };
  requests: Listed<RequestLine>;
  assessments: Listed<AssessmentLine>;
  systems: Listed<OwnedLine>;
  objectives: Listed<OwnedLine>;
  correctiveActions: Listed<OwnedLine>;
  /** Internal audits they are the auditor of (9.2). */
  audits: Listed<OwnedLine>;
  nonconformities: Listed<OwnedLine>;
  /** AI vendors they are the internal owner of (A.10.2). */
  vendors: Listed<OwnedLine>;
  /** Actions from management reviews (9.3.3) they own. */
  reviewActions: Listed<OwnedLine>;
  incidents: Listed<OwnedLine>;
  concerns: Listed<OwnedLine>;
  reminders: Listed<ReminderLine>;
  /** The policy documents the person accepted (ISO 42001 7.3). */
  acknowledgements: Listed<AcknowledgementLine>;
  /** The training modules the person passed, with score and renewal (ISO 42001 7.2). */
  training: Listed<TrainingLine>;
  /** The campaigns still open for the person: documents to accept and modules to pass, by their deadline (7.3). */
  openCampaigns: Listed<OpenCampaignLine>;
}

/**
 * Everything the bot holds about the person behind the account that asks, across all their accounts (an account the
 * directory has not met yet stands alone). Anonymous concerns are not and cannot be among it.
 */
export async function personalData(deps: { prisma: Prisma; clock: Clock; directory: PeopleDirectory }, asked: IdentityRef): Promise<PersonalData> {
  const { prisma, clock } = deps;
  const known = await deps.directory.accountsOf(asked);
  const accounts: AccountLine[] = known.length > 0 ? [...known] : [unseenAccount(asked)];
  const refs = accounts.map((account) => ({ channel: account.channel, id: account.externalId }));
  const personIds = [...new Set(known.map((account) => account.personId))];
  const now = clock.now();
  const history = await roleHistory(prisma, personIds, refs);
  const [requests, assessments, systems, objectives, correctiveActions, audits, nonconformities, vendors, reviewActions, incidents, concerns, reminders, acknowledgements, training, openCampaigns] = await Promise.all([
    requestsBy(prisma, refs, false),
    assessmentsBy(prisma, refs, false),
    systemsOwnedBy(prisma, refs),
    objectivesOwnedBy(prisma, refs),
    correctiveActionsOwnedBy(prisma, refs, false),
    auditsBy(prisma, refs, false),
    nonconformitiesOwnedBy(prisma, refs, false),
    vendorsOwnedBy(prisma, refs),
    reviewActionsOwnedBy(prisma, refs, false),
    incidentsReportedBy(prisma, refs),
    namedConcernsBy(prisma, refs),
    remindersPendingFor(prisma, refs),
    acknowledgementsBy(prisma, personIds),
    trainingPassedBy(prisma, personIds, RECORDS_SHOWN),
    openCampaignsFor(prisma, personIds, RECORDS_SHOWN),
  ]);
  return {
    accounts,
    roles: { current: history.filter((holding) => heldAt(holding, now)), past: history.filter((holding) => !heldAt(holding, now)) },
    requests,
    assessments,
    systems,
    objectives,
    correctiveActions,
    audits,
    nonconformities,
    vendors,
    reviewActions,
    incidents,
    concerns,
    reminders,
    acknowledgements,
    training,
    openCampaigns,
  };
}

function unseenAccount(account: IdentityRef): AccountLine {
  return { channel: account.channel, externalId: account.id, name: null, email: null, linkReason: null, deactivatedAt: null, deactivationReason: null };
}
