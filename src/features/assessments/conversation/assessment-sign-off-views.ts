import type { Form } from "../../../conversation/form.js";
import { day, type Message, section } from "../../../conversation/message.js";
import type { AssessmentWithSubject } from "../sign-off-flow.js";
import { QUESTIONNAIRE_IDS, SIGN_OFF_IDS } from "./assessment-ids.js";
import { assessmentSummaryBlocks, reviewOutcomeBlock } from "./assessment-summary-view.js";
import { ASSESSMENT_WORDING } from "./assessment-wording.js";

const W = ASSESSMENT_WORDING.signOff;
export const MAX_COMMENTS_LENGTH = 2000;

/** The owner's comments when sending an assessment back; the assessment and round travel with the form. */
export function sendBackForm(target: { reference: string; round: number }): Form {
  return {
    id: SIGN_OFF_IDS.forms.sendBack,
    title: W.sendBack,
    submit: W.sendBack,
    intro: [section([W.sendingBack(target.reference)])],
    fields: [{ kind: "text", id: "comments", label: W.whatShouldChange, multiline: true, maxLength: MAX_COMMENTS_LENGTH }],
    state: { reference: target.reference, round: target.round },
  };
}

/** The message asking an AIMS owner to sign off: Approve and Send back while it waits, the outcome afterwards. */
export function signOffMessage(assessment: AssessmentWithSubject): Message {
  const waiting = assessment.status === "submitted";
  const target = { reference: assessment.reference, round: assessment.round };
  return {
    title: ASSESSMENT_WORDING.title,
    summary: W.summary(assessment.reference, assessment.status),
    blocks: [...assessmentSummaryBlocks(assessment), ...(waiting ? [] : [reviewOutcomeBlock(assessment)])],
    actions: waiting
      ? [
          { label: W.approve, action: SIGN_OFF_IDS.actions.signOff, value: target, style: "primary" },
          { label: W.sendBack, opens: sendBackForm(target), style: "danger" },
        ]
      : [],
  };
}

/** What the assessor is told once an owner has reviewed the assessment; sent back, with the way to continue. */
export function assessorOutcomeMessage(assessment: AssessmentWithSubject): Message {
  const A = ASSESSMENT_WORDING.assessor;
  const signedOff = assessment.status === "signed_off";
  const summary = signedOff
    ? A.signedOff(assessment.reference, assessment.nextReassessmentAt ? day(assessment.nextReassessmentAt) : undefined)
    : A.sentBack(assessment.reference);
  return {
    title: ASSESSMENT_WORDING.title,
    summary,
    blocks: [section([`**${summary}**`]), ...assessmentSummaryBlocks(assessment)],
    actions: signedOff ? [] : [{ label: A.continue, action: QUESTIONNAIRE_IDS.actions.resume, value: { reference: assessment.reference }, style: "primary" }],
  };
}
