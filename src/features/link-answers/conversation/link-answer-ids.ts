/** Link answers' buttons, forms and command: Slack action and callback ids, Teams verbs. */
export const LINK_ANSWER_IDS = {
  /** **Request it**: opens the request form filled with the tool. */
  request: "link_answers.request",
  /** The request form opened from a link answer. */
  requestForm: "link_answers.request.submit",
  command: "links",
} as const;
