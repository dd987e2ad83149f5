/** The verbs of the Statement of Applicability cards. */
export const SOA_VERBS = {
  showOverview: "soa.overview",
  showSection: "soa.section",
  editEntry: "soa.entry.edit",
  saveEntry: "soa.entry.save",
  editRoles: "soa.roles.edit",
  saveRoles: "soa.roles.save",
} as const;
