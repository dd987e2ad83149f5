/** The ids of delegation buttons and forms: Slack action and callback ids, Teams verbs. */
export const DELEGATION_IDS = {
  actions: { list: "delegation.list", create: "delegation.create.open", cancel: "delegation.cancel" },
  views: { create: "delegation.create" },
} as const;
