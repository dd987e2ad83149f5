/** The triage message's buttons and forms: Slack action and callback ids, Teams verbs. */
export const TRIAGE_IDS = {
  acknowledge: "concern.acknowledge",
  ask: "concern.ask",
  assign: "concern.assign",
  close: "concern.close",
} as const;
