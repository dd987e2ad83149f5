/** The training conversation's forms and buttons: Slack callback and action ids, Teams verbs. */
export const TRAINING_IDS = {
  views: {
    quiz: "training.quiz.save",
  },
  actions: {
    start: "training.start",
    quiz: "training.quiz",
  },
} as const;
