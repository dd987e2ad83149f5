/** The policy conversation's forms and buttons: Slack callback and action ids, Teams verbs. */
export const POLICY_IDS = {
  views: {
    publish: "policy.publish.save",
    startCampaign: "campaign.start.save",
    publishDraft: "policy.draft.save",
  },
  actions: {
    publish: "policy.publish",
    publishDraft: "policy.draft.publish",
    startCampaign: "campaign.start",
    read: "policy.read",
    accept: "policy.accept",
    progress: "campaign.progress",
    snoozeDay: "campaign.snooze.day",
    snoozeWeek: "campaign.snooze.week",
  },
} as const;

/** The button that snoozes a campaign reminder by each period (a Slack block holds one button per action id). */
export const SNOOZE_ACTIONS = { day: POLICY_IDS.actions.snoozeDay, week: POLICY_IDS.actions.snoozeWeek } as const;
