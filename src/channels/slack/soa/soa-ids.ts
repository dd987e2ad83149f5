/** Callback and action ids of the SoA and the audit pack in Slack (see ids.ts). */
export const SOA_IDS = {
  views: {
    statement: "soa_statement",
    entry: "soa_entry_edit",
    profile: "soa_profile_edit",
  },
  actions: {
    editEntry: "soa_entry_open",
    editProfile: "soa_profile_open",
  },
} as const;
