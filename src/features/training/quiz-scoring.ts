import type { TrainingModule } from "./training-module.js";

/** One question as the person answered it, with the explanation they see either way. */
export interface QuestionFeedback {
  id: string;
  text: string;
  chosen: string | null;
  right: boolean;
  answer: string;
  explanation: string;
}

export interface QuizScore {
  correct: number;
  questions: number;
  /** Percentage of correct answers, rounded down: a pass mark of 80 is not met by 79.9. */
  score: number;
  passed: boolean;
  feedback: QuestionFeedback[];
}

/** Scores the answers (question id → option id) on the server; an unanswered or unknown option is wrong. */
export function scoreQuiz(module: TrainingModule, answers: Record<string, string | undefined>): QuizScore {
  const feedback = module.questions.map((question) => {
    const chosen = question.options.find((option) => option.id === answers[question.id]) ?? null;
    const answer = question.options.find((option) => option.id === question.answer)!;
    return { id: question.id, text: question.text, chosen: chosen?.text ?? null, right: chosen?.id === question.answer, answer: answer.text, explanation: question.explanation };
  });
  const correct = feedback.filter((one) => one.right).length;
  const score = Math.floor((correct * 100) / module.questions.length);
  return { correct, questions: module.questions.length, score, passed: score >= module.passMark, feedback };
}
