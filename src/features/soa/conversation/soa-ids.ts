/** The SoA's views, buttons and forms: Slack callback and action ids, Teams verbs. */
export const SOA_IDS = {
  views: {
    statement: "soa.statement",
    entry: "soa.entry.save",
    profile: "soa.roles.save",
  },
  actions: {
    showOverview: "soa.overview",
    showSection: "soa.section",
    editEntry: "soa.entry.edit",
    editProfile: "soa.roles.edit",
  },
} as const;
