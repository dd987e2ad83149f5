import { actions, context, heading, section, type ActionValue, type Block, type Message } from "../../../conversation/message.js";
import type { TrainingCompletion } from "../../../db/generated/client.js";
import type { TrainingInvitationPayload } from "../../policies/campaign-payload.js";
import { textParts } from "../../policies/conversation/policy-views.js";
import type { QuizScore } from "../quiz-scoring.js";
import type { TrainingModule } from "../training-module.js";
import type { ModuleStatus } from "../training-service.js";
import { TRAINING_IDS } from "./training-ids.js";
import { TRAINING_WORDING as W } from "./training-wording.js";

/** What a click carries: the module version, and the campaign it came from. */
export const moduleChoice = (moduleId: string, version: number, campaignId: number | null): ActionValue => ({ moduleId, version, ...(campaignId ? { campaignId } : {}) });

const startButton = (value: ActionValue) => actions([{ label: W.start, action: TRAINING_IDS.actions.start, style: "primary" as const, value }]);

/** The direct message a training campaign sends each person: what the module is, by when, and Start training. */
export function trainingInvitationView(payload: TrainingInvitationPayload): Message {
  const deadline = new Date(payload.deadline);
  return {
    title: W.invitationTitle,
    summary: W.invitationSummary(payload.title, payload.version, deadline),
    blocks: [
      ...(payload.reminder ? [section([W.reminderHeading], { tone: "warning" as const })] : []),
      heading(`${payload.title} (version ${payload.version})`),
      section([payload.summary]),
      section([W.passBy(deadline)]),
      startButton(moduleChoice(payload.moduleId, payload.version, payload.campaignId)),
    ],
  };
}

/** The module's lessons, one section each, and the button to the quiz. */
export function lessonsView(module: TrainingModule, campaignId: number | null): Message {
  const blocks: Block[] = [heading(`${module.title} (version ${module.version})`), section([W.lessonsIntro(module.questions.length, module.passMark)])];
  for (const [index, lesson] of module.lessons.entries()) blocks.push(heading(W.lesson(index + 1, lesson.title)), ...textParts(lesson.text).map((part) => section([part])));
  blocks.push(actions([{ label: W.takeQuiz, action: TRAINING_IDS.actions.quiz, style: "primary", value: moduleChoice(module.id, module.version, campaignId) }]));
  return { title: W.title, summary: module.title, blocks };
}

/** The result, scored on the server: pass or fail, each question with the right answer and why; a retry when failed. */
export function resultView(module: TrainingModule, score: QuizScore, completion: { record: TrainingCompletion; already: boolean } | null, campaignId: number | null): Message {
  const blocks: Block[] = [
    section([score.passed ? W.passed(module.title) : W.failed(module.title), W.score(score.correct, score.questions, score.score, module.passMark)], { tone: score.passed ? "good" : "warning" }),
  ];
  if (completion) {
    const { record, already } = completion;
    blocks.push(context(already ? W.alreadyRecorded(record.completedAt, record.dueAgainAt) : W.recorded(record.completedAt, record.dueAgainAt)));
  }
  for (const one of score.feedback) {
    blocks.push(section([one.right ? W.right(one.text) : W.wrong(one.text), W.yourAnswer(one.chosen), ...(one.right ? [] : [W.correctAnswer(one.answer)])]));
    // Its own section: a question and its explanation at their longest outgrow one Slack section once escaped.
    blocks.push(section([{ text: one.explanation, muted: true }]));
  }
  if (!score.passed) blocks.push(actions([{ label: W.retry, action: TRAINING_IDS.actions.quiz, style: "primary", value: moduleChoice(module.id, module.version, campaignId) }]));
  return { title: W.resultTitle, summary: score.passed ? W.passed(module.title) : W.failed(module.title), blocks };
}

function statusText(status: ModuleStatus): string {
  const { completion, state } = status;
  if (state === "to_take" || !completion) return W.toTake;
  return state === "renewal_due" ? W.renewalDue(completion.completedAt) : W.passedOn(completion.completedAt, completion.moduleVersion);
}

/** `/aims training`: the modules assigned to the person, where they stand, and Start training for the ones to take. */
export function trainingListView(statuses: ModuleStatus[]): Message {
  const blocks: Block[] = statuses.length === 0 ? [section([W.nothingAssigned])] : [];
  for (const status of statuses) {
    const { module } = status;
    blocks.push(section([W.moduleLine(module.title, module.version, statusText(status)), { text: module.summary, muted: true }], status.state === "renewal_due" ? { tone: "warning" } : {}));
    if (status.state !== "passed") blocks.push(startButton(moduleChoice(module.id, module.version, null)));
  }
  return { title: W.title, summary: statuses.length === 0 ? W.nothingAssigned : `${statuses.length} training module${statuses.length === 1 ? "" : "s"}`, blocks };
}
