import { describe, expect, it } from "vitest";
import { blockKitMessage, blockKitModal } from "../../src/channels/slack/conversation/block-kit-message.js";
import { blockKitForm } from "../../src/channels/slack/conversation/block-kit-form.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import { quizForm } from "../../src/features/training/conversation/training-forms.js";
import { lessonsView, resultView, trainingInvitationView, trainingListView } from "../../src/features/training/conversation/training-views.js";
import { scoreQuiz } from "../../src/features/training/quiz-scoring.js";
import type { TrainingModule } from "../../src/features/training/training-module.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { messageBlockProblems, viewProblems } from "../support/fake-slack/block-kit-limits.js";

const at = new Date("2027-03-01T10:00:00Z");
/** Text that grows most once a chat escapes it. */
const escaped = (length: number) => "&<>".repeat(Math.ceil(length / 3)).slice(0, length);

/** A module at the schema's limits: 6 lessons of 2,000 characters, 10 questions of 6 options. */
const largest: TrainingModule = {
  id: "largest",
  version: 1,
  title: escaped(60),
  summary: escaped(400),
  lessons: Array.from({ length: 6 }, () => ({ title: escaped(80), text: escaped(2_000) })),
  questions: Array.from({ length: 10 }, (_, q) => ({
    id: `q${q}`,
    text: escaped(300),
    options: Array.from({ length: 6 }, (_, o) => ({ id: `o${o}`, text: escaped(75) })),
    answer: "o0",
    explanation: escaped(600),
  })),
  passMark: 80,
  renewalMonths: 12,
  assignTo: { everyone: true },
};
const wrong = scoreQuiz(largest, Object.fromEntries(largest.questions.map((question) => [question.id, "o5"])));
const completion = { id: 1, personId: "p", moduleId: "largest", moduleVersion: 1, moduleTitle: largest.title, round: 1, channel: "slack" as const, externalId: "U1", campaignId: 1, correct: 10, questions: 10, score: 100, passMark: 80, attempts: 2, completedAt: at, dueAgainAt: at, controls: [] };
const passed = scoreQuiz(largest, Object.fromEntries(largest.questions.map((question) => [question.id, "o0"])));
const invitation = { type: "campaign" as const, campaignId: 1, moduleId: "largest", title: largest.title, version: 1, summary: largest.summary, deadline: at.toISOString(), reminder: true };
const messages = [
  trainingInvitationView(invitation),
  lessonsView(largest, 1),
  resultView(largest, wrong, null, 1),
  resultView(largest, passed, { record: completion, already: false }, 1),
  trainingListView(Array.from({ length: 20 }, () => ({ module: largest, completion, state: "renewal_due" as const }))),
];

describe("the training views and quiz at their largest", () => {
  it("fit a Slack message and modal", () => {
    for (const message of messages) {
      expect(messageBlockProblems(blockKitMessage(message).blocks)).toEqual([]);
      expect(viewProblems(blockKitModal(message))).toEqual([]);
    }
    expect(viewProblems(blockKitForm(quizForm(largest, 1), "V1"))).toEqual([]);
  });

  it("fit a Teams card", () => {
    for (const message of messages) expect(messageProblems(cardMessage(adaptiveCardOf(message), message.summary)).problems).toEqual([]);
    expect(messageProblems(cardMessage(adaptiveCardForm(quizForm(largest, 1), {}, undefined, "Europe/London"), "Quiz")).problems).toEqual([]);
  });
});
