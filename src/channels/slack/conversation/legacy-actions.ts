import type { App, Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import { type ActionValue, section } from "../../../conversation/message.js";
import { REQUEST_IDS } from "../../../features/requests/conversation/request-ids.js";
import { SCHEDULING_IDS } from "../../../features/scheduler/conversation/scheduling-ids.js";
import { QUESTIONNAIRE_IDS, SIGN_OFF_IDS } from "../../../features/assessments/conversation/assessment-ids.js";
import { blockKitModal } from "./block-kit-message.js";

/*
 * Messages posted before the conversation layer (up to dccd4d2) carry the old action ids and plain-text values.
 * A click on one is rewritten into the click the new message would send, before Bolt picks a listener, so it
 * does exactly what the new button does. Remove once no message of that version can still be clicked (see
 * README, Upgrading).
 */

type Converter = (value: string) => ActionValue | null;

const decision: Converter = (value) => {
  const match = /^(REQ-\d+):(\d+)(?::([a-z][a-z0-9_-]{0,39}))?$/.exec(value);
  return match ? { reference: match[1]!, revision: Number(match[2]), ...(match[3] ? { stageId: match[3] } : {}) } : null;
};
const occurrence: Converter = (value) => (value ? { key: value } : null);
const reference: Converter = (value): ActionValue => (value && value !== "new" ? { reference: value } : {});
const assessmentAnd =
  (name: "round" | "step"): Converter =>
  (value) => {
    const match = /^(ASM-\d+):(\d+)$/.exec(value);
    return match ? { reference: match[1]!, [name]: Number(match[2]) } : null;
  };
/** Values the old version already wrote as JSON (the request's Edit, the Home's form button) pass unchanged. */
const same: Converter = () => null;

/** Old action id → the new id and how its value reads now. */
export const LEGACY_SLACK_ACTIONS: Record<string, { id: string; value: Converter }> = {
  request_approve: { id: REQUEST_IDS.approve, value: decision },
  request_approve_conditions: { id: REQUEST_IDS.approveWithConditions, value: decision },
  request_reject: { id: REQUEST_IDS.reject, value: decision },
  request_changes: { id: REQUEST_IDS.requestChanges, value: decision },
  request_edit: { id: REQUEST_IDS.edit, value: same },
  request_open_form: { id: REQUEST_IDS.openForm, value: same },
  due_mark_done: { id: SCHEDULING_IDS.markDone, value: occurrence },
  due_snooze_day: { id: SCHEDULING_IDS.snoozeDay, value: occurrence },
  due_snooze_week: { id: SCHEDULING_IDS.snoozeWeek, value: occurrence },
  due_reassign: { id: SCHEDULING_IDS.reassign, value: occurrence },
  objective_check_in: { id: SCHEDULING_IDS.checkIn, value: occurrence },
  objective_add: { id: SCHEDULING_IDS.objectiveForm, value: () => ({}) },
  review_schedule_add: { id: SCHEDULING_IDS.reviewForm, value: reference },
  review_schedule_edit: { id: SCHEDULING_IDS.reviewForm, value: reference },
  assessment_resume: { id: QUESTIONNAIRE_IDS.actions.resume, value: reference },
  assessment_back: { id: QUESTIONNAIRE_IDS.actions.back, value: assessmentAnd("step") },
  assessment_go_to_step: { id: QUESTIONNAIRE_IDS.actions.goToStep, value: assessmentAnd("step") },
  assessment_sign_off: { id: SIGN_OFF_IDS.actions.signOff, value: assessmentAnd("round") },
  assessment_send_back_open: { id: SIGN_OFF_IDS.forms.sendBack, value: assessmentAnd("round") },
};

/** Modals the old version opened: what was typed there cannot be read by the new forms. */
export const LEGACY_SLACK_VIEWS = [
  "request_submit",
  "request_resubmit",
  "request_decision_reason",
  "due_mark_done_submit",
  "due_reassign_submit",
  "objective_check_in_submit",
  "objective_submit",
  "review_schedule_submit",
  "assessment_start",
  "assessment_step",
  "assessment_review",
  "assessment_send_back",
] as const;

export const LEGACY_FORM_NOTICE = {
  title: "AIMS was updated",
  text: "AIMS was updated while this form was open, so it cannot be saved. Close it and click the button in the message again.",
};

/** The click a new message would have sent for an old one, or null when the action is not an old one. */
export function modernClick(actionId: string, value: string | undefined): { actionId: string; value: string | undefined } | null {
  const legacy = LEGACY_SLACK_ACTIONS[actionId];
  if (!legacy) return null;
  const converted = legacy.value(value ?? "");
  return { actionId: legacy.id, value: converted ? JSON.stringify(converted) : value };
}

/** Rewrites old clicks in place (the listeners read the same action object), so the new listener answers them. */
const rewriteLegacyClicks: Middleware<AnyMiddlewareArgs> = async ({ body, next }) => {
  const actions = body.type === "block_actions" && Array.isArray(body.actions) ? (body.actions as { action_id: string; value?: string }[]) : [];
  for (const action of actions) {
    const modern = modernClick(action.action_id, action.value);
    if (!modern) continue;
    action.action_id = modern.actionId;
    if (modern.value !== undefined) action.value = modern.value;
  }
  await next();
};

/** Registered before every other listener: old buttons reach the new handlers; old modals say to start again. */
export function registerLegacyActions(app: App): void {
  app.use(rewriteLegacyClicks);
  app.view({ callback_id: new RegExp(`^(?:${LEGACY_SLACK_VIEWS.join("|")})$`), type: "view_submission" }, async ({ ack }) => {
    await ack({ response_action: "update", view: blockKitModal({ title: LEGACY_FORM_NOTICE.title, summary: LEGACY_FORM_NOTICE.text, blocks: [section([LEGACY_FORM_NOTICE.text])] }) });
  });
}
