/** The verbs of the buttons other cards carry to start an assessment (the capability's own are written once in the feature). */
export const ASSESSMENT_VERBS = {
  startForRequest: "assessment.start_for_request",
  /** On an AI system's re-assessment reminder card; carries the system reference as `reference`. */
  startReassessment: "assessment.start_reassessment",
} as const;
