import type { Clock } from "../../core/clock.js";
import type { Scheduling } from "../scheduler/scheduling-core.js";
import { nextDeliveryTime } from "../scheduler/working-hours.js";
import type { CampaignService } from "./campaign-service.js";
import type { PolicyService } from "./policy-service.js";
import { campaignDueSource } from "./campaign-source.js";
import { campaignsSection } from "./campaigns-section.js";

/**
 * Campaigns in the scheduler: every tick plans what is left to plan (a crash mid-planning, new joiners) and adds
 * the reminders of campaigns past their deadline, which the same tick then sends; each campaign with people late is
 * a due item of its starter, escalated to the AIMS owners; the digest counts acceptances and passes. Drafts of shared
 * files left unpublished are deleted after DRAFT_KEPT_DAYS.
 */
export function addCampaigns(scheduling: Pick<Scheduling, "scheduler" | "reminders" | "digest" | "settings">, campaigns: CampaignService, policies: PolicyService, clock: Clock): void {
  const { settings, scheduler } = scheduling;
  const window = { ...settings.workingHours, weekends: settings.weekends };
  scheduler.addScan({
    name: "campaigns",
    async scan() {
      await campaigns.planPending();
      await campaigns.remindLate((now) => nextDeliveryTime(now, settings.timezone, window));
      await policies.discardStaleDrafts();
      return [];
    },
  });
  scheduling.reminders.addSource(campaignDueSource(clock));
  scheduling.digest.addSection(campaignsSection);
  if (settings.enabled) campaigns.whenPlanned(() => void scheduler.tick());
}
