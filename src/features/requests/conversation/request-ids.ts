/** The ids of a request's buttons and forms written on the conversation layer (Slack action and callback ids, Teams verbs). */
export const REQUEST_IDS = {
  actions: { renew: "request.renewal.open" },
  forms: { renew: "request.renewal.submit" },
} as const;
