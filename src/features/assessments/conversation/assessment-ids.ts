/** The questionnaire's forms and buttons, the same in both channels: Slack callback and action ids, Teams verbs. */
export const QUESTIONNAIRE_IDS = {
  forms: {
    start: "assessment.start",
    step: "assessment.next",
    review: "assessment.submit",
  },
  actions: {
    resume: "assessment.resume",
    back: "assessment.back",
    goToStep: "assessment.go_to_step",
  },
} as const;

/** The owners' sign-off: Approve, and the form of comments Send back opens. */
export const SIGN_OFF_IDS = {
  actions: { signOff: "assessment.sign_off" },
  forms: { sendBack: "assessment.send_back" },
} as const;
