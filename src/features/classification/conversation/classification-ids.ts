/** EU AI Act classification's command, buttons and form: Slack action and callback ids, Teams verbs. */
export const CLASSIFICATION_IDS = {
  command: "classify",
  actions: { open: "classification.open" },
  forms: { system: "classification.system.save" },
} as const;
