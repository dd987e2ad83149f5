import type { RiskLevel } from "../questionnaire/index.js";

type Status = "draft" | "submitted" | "sent_back" | "signed_off";

/**
 * The sentences of impact assessments, in both channels: the picker, the steps, the review, the sign-off and the
 * assessor's messages, in the conversation layer's light markdown (`**bold**`), so each sentence is written once.
 */
export const ASSESSMENT_WORDING = {
  title: "Impact assessment",
  levels: { low: "Low", medium: "Medium", high: "High", critical: "Critical" } satisfies Record<RiskLevel, string>,
  statuses: { draft: "Draft", submitted: "Waiting for sign-off", sent_back: "Sent back for changes", signed_off: "Signed off" } satisfies Record<
    Status,
    string
  >,
  status: (status: Status) => status.replace("_", " "),

  description: "Assess the impact of an AI system (ISO 42001 6.1.4), continue your draft, or read the latest assessment of one (assess show SYS-0001).",
  privateOnly: (assess: string) =>
    `Impact assessments are filled in our personal chat, so your answers stay between us and the AIMS owners: send me ${assess} there.`,
  outOfDate: (assess: string) => `This form is out of date. Use ${assess} to continue.`,

  picker: {
    continueDrafts: "Continue where you left off",
    startNew: "Or start a new one",
    intro: "Assess what an AI system can do to people, groups and society (ISO 42001 6.1.4).",
    requestOption: (reference: string, name: string) => `Pending request ${reference}: ${name}`,
    systemOption: (reference: string, name: string) => `Register ${reference}: ${name}`,
    whatChanged: "What changed? (only for a re-assessment)",
    nothingToAssess: "There is nothing to assess yet: the register is empty and no request is pending.",
    subject: "Which AI system or request?",
    trigger: "Why now?",
    initial: "A new assessment",
    significantChange: "Something changed (re-assess from the last one)",
    changeHint: "E.g. a new model or vendor, new kinds of data, new users or new decisions.",
    start: "Start",
    resume: "Resume",
    chooseSubject: "Choose what to assess.",
    sayWhatChanged: "Say what changed, so the re-assessment can focus on it.",
    draftState: (status: Status) => (status === "sent_back" ? "sent back for changes" : "draft"),
    draftStep: (step: number, of: number) => `step ${step} of ${of}`,
  },

  steps: {
    savedAtNext: "your answers are saved at every Next",
    next: "Next",
    back: "Back",
    answerOnlyIf: (condition: string) => `Answer only if ${condition}.`,
    likelihood: "Likelihood of harm",
    severity: (group: string | undefined) => `Severity of harm to ${group ?? "them"}`,
    yes: "Yes",
    no: "No",
  },

  review: {
    title: "Review assessment",
    sentTitle: "Assessment sent",
    label: "Review",
    impactLevel: (level: string) => `Impact level: ${level}`,
    stillToAnswer: "Still to answer before it can be signed off:",
    goToStep: (step: number) => `Go to step ${step}`,
    sendingAsks: "Sending it asks the AIMS owners to sign it off; they may send it back with comments.",
    send: "Send for sign-off",
    withOwners: (reference: string, level: string) =>
      `**${reference}** is with the AIMS owners for sign-off. Impact level: **${level}**. You will hear back from me in a direct message.`,
  },

  summary: {
    of: (subject: string) => `impact assessment of ${subject}`,
    system: (reference: string) => `(${reference})`,
    request: (reference: string) => `(request ${reference})`,
    anySystem: "an AI system",
    statusLabel: "Status",
    levelLabel: "Impact level",
    notScored: "not scored yet",
    assessorLabel: "Assessor",
    questionnaireLabel: "Questionnaire",
    questionnaire: (id: string, version: string) => `${id} version ${version}`,
    signedOffLabel: "Signed off",
    signedOff: (day: string, reviewer: string) => `${day} by ${reviewer}`,
    nextDueLabel: "Next re-assessment due",
    significantChange: "Re-assessment after a significant change:",
    notDescribed: "(not described)",
    whyThisLevel: "Why this level",
    affectedGroups: "Affected groups",
    groupRisk: (label: string, likelihood: number, severity: number, risk: number, level: string) =>
      `${label}: likelihood ${likelihood} × severity ${severity} = ${risk} (${level})`,
    mitigations: "Mitigations committed to",
    sentBackBy: (reviewer: string) => `Sent back by ${reviewer}:`,
    register: (reference: string, name: string, due: string) => `Register entry ${reference} (${name}): review due ${due}.`,
  },

  signOff: {
    summary: (reference: string, status: Status) =>
      `Impact assessment ${reference} ${status === "submitted" ? "needs your sign-off" : ASSESSMENT_WORDING.status(status)}`,
    approve: "Approve sign-off",
    sendBack: "Send back",
    anOwner: "an AIMS owner",
    signedOff: (reviewer: string, due: string | undefined, bold: (text: string) => string) =>
      `${bold("Signed off")} by ${reviewer}${due ? `; next re-assessment due ${due}` : ""}.`,
    sentBack: (reviewer: string, bold: (text: string) => string) => `${bold("Sent back")} by ${reviewer} for changes.`,
    revising: "The assessor is revising this assessment.",
    alreadyReviewed: (reference: string, status: Status, by: string | undefined) =>
      `${reference} has already been ${ASSESSMENT_WORDING.status(status)}${by ? ` by ${by}` : ""}.`,
    whatShouldChange: "What should change?",
    sendingBack: (reference: string) => `Sending **${reference}** back to the assessor. They will see your comments.`,
    resubmitted: (reference: string) => `${reference} was resubmitted since; please use the latest message.`,
  },

  assessor: {
    signedOff: (reference: string, due: string | undefined) =>
      `Your impact assessment ${reference} was signed off.${due ? ` The next re-assessment is due ${due}.` : ""}`,
    sentBack: (reference: string) => `Your impact assessment ${reference} was sent back for changes.`,
    continue: "Continue assessment",
  },

  noAssessment: (reference: string) => `There is no assessment ${reference}.`,
  noAssessmentYet: (subject: string, start: string) => `${subject.toUpperCase()} has no impact assessment yet. Start one with ${start}.`,
  sayWhich: (example: string) => `Say which one, e.g. ${example}.`,
} as const;
