/** The roles conversation's views, buttons and forms: Slack callback and action ids, Teams verbs. */
export const ROLES_IDS = {
  views: {
    list: "roles.list",
    grant: "roles.grant.save",
    revoke: "roles.revoke.save",
    bind: "roles.bind.save",
    link: "roles.link.save",
    unlink: "roles.unlink.save",
  },
  actions: {
    show: "roles.show",
    grant: "roles.grant",
    revoke: "roles.revoke",
    bind: "roles.bind",
    link: "roles.link",
    unlink: "roles.unlink",
  },
} as const;
