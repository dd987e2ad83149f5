/** The policy conversation's forms and buttons: Slack callback and action ids, Teams verbs. */
export const POLICY_IDS = {
  views: {
    publish: "policy.publish.save",
    startCampaign: "campaign.start.save",
  },
  actions: {
    publish: "policy.publish",
    startCampaign: "campaign.start",
    read: "policy.read",
    accept: "policy.accept",
    progress: "campaign.progress",
  },
} as const;
