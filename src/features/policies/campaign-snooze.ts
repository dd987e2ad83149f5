import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";
import type { PeopleDirectory } from "../organisation/people-directory.js";
import { snoozeEnd, snoozeLimitMessage, type SnoozePeriod } from "../reminders/snooze.js";
import { nextDeliveryTime, type DeliveryWindow } from "../scheduler/working-hours.js";
import { CAMPAIGN_REMINDER_KIND, type CampaignInvitationPayload } from "./campaign-payload.js";
import { CAMPAIGN_CONTROLS } from "./controls.js";

/** A snooze or reply for a policy version that is gone (policy-wording.ts says it in chat too). */
export const DOCUMENT_GONE = "That document is no longer available.";

export interface CampaignSnoozeDeps {
  prisma: Prisma;
  clock: Clock;
  directory: PeopleDirectory;
  maxSnoozes: number;
  /** The AIMS timezone and working hours: a snoozed reminder comes back inside them. */
  zone: string;
  window: DeliveryWindow;
}

export type CampaignSnoozeResult =
  | { kind: "snoozed"; until: Date; left: number }
  | { kind: "refused"; message: string };

/** The keys of one person's campaign reminders: `campaign:<id>:<person>:overdue`, then `…:snoozed-<n>` per snooze. */
const reminderKeyPrefix = (campaignId: number, personId: string) => `campaign:${campaignId}:${personId}:`;

/** One person's reminders of a campaign not sent yet are dropped (they snoozed it again, or accepted). */
export function cancelCampaignReminders(tx: Tx, campaignId: number, personId: string) {
  return tx.scheduledDelivery.updateMany({
    where: { occurrenceKey: `campaign:${campaignId}`, key: { startsWith: reminderKeyPrefix(campaignId, personId) }, kind: CAMPAIGN_REMINDER_KIND, status: "pending" },
    data: { status: "cancelled", leaseUntil: null },
  });
}

/**
 * A person puts off their own campaign reminder: the pending one is dropped and another is scheduled for a day or
 * a week later, at the next working hour, at most AIMS_MAX_SNOOZES times. Each snooze is a delivery of its own key
 * (`…:snoozed-<n>`), so two clicks at once snooze once.
 */
export async function snoozeCampaignReminder(
  deps: CampaignSnoozeDeps,
  actor: Actor,
  campaignId: number,
  period: SnoozePeriod,
  payloadOf: (campaignId: number) => Promise<CampaignInvitationPayload | null>,
): Promise<CampaignSnoozeResult> {
  const { prisma, clock, maxSnoozes } = deps;
  const identity = await deps.directory.identity(actor);
  const recipient = identity && (await prisma.campaignRecipient.findUnique({ where: { campaignId_personId: { campaignId, personId: identity.personId } }, include: { campaign: true } }));
  if (!identity || !recipient) return { kind: "refused", message: "This campaign was not sent to you." };
  if (recipient.campaign.closedAt) return { kind: "refused", message: "This campaign is closed: nobody is reminded about it any more." };
  // Only a document campaign's reminder offers a snooze; a training module's reminder is passed, not put off.
  const { versionId } = recipient.campaign;
  if (versionId === null) return { kind: "refused", message: "A training reminder cannot be snoozed: take the training when you can." };
  const accepted = await prisma.policyAcknowledgement.count({ where: { versionId, personId: identity.personId } });
  if (accepted > 0) return { kind: "refused", message: "You have already accepted it: there is nothing to remind you of." };
  const payload = await payloadOf(campaignId);
  if (!payload) return { kind: "refused", message: DOCUMENT_GONE };
  const prefix = reminderKeyPrefix(campaignId, identity.personId);
  const now = clock.now();
  const until = nextDeliveryTime(snoozeEnd(now, period), deps.zone, deps.window);
  const snoozed = await prisma.$transaction(async (tx) => {
    const done = await tx.scheduledDelivery.count({ where: { occurrenceKey: `campaign:${campaignId}`, key: { startsWith: `${prefix}snoozed-` } } });
    if (done >= maxSnoozes) return null;
    await cancelCampaignReminders(tx, campaignId, identity.personId);
    const { count } = await tx.scheduledDelivery.createMany({
      data: [
        {
          key: `${prefix}snoozed-${done + 1}`,
          occurrenceKey: `campaign:${campaignId}`,
          kind: CAMPAIGN_REMINDER_KIND,
          channel: actor.channel,
          recipientId: actor.id,
          payload: { ...payload, reminder: true } as never,
          notBefore: until,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return done + 1; // another click at the same moment snoozed it
    await recordAudit(tx, clock, {
      actor,
      action: "campaign.reminder_snoozed",
      entityType: "policy_campaign",
      entityId: campaignId,
      after: { snoozedUntil: until, snoozeCount: done + 1 },
      controls: CAMPAIGN_CONTROLS,
    });
    return done + 1;
  });
  if (snoozed === null) return { kind: "refused", message: snoozeLimitMessage(maxSnoozes, "read and accept it now") };
  return { kind: "snoozed", until, left: maxSnoozes - snoozed };
}
