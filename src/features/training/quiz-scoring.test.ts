import { describe, expect, it } from "vitest";
import { loadTrainingModules } from "./load-modules.js";
import { scoreQuiz } from "./quiz-scoring.js";

const basics = loadTrainingModules().find((module) => module.id === "ai-literacy-basics")!;
const allRight = Object.fromEntries(basics.questions.map((question) => [question.id, question.answer]));

describe("quiz scoring", () => {
  it("passes at the pass mark and fails below it, counting unknown or missing answers as wrong", () => {
    expect(scoreQuiz(basics, allRight)).toMatchObject({ correct: 5, questions: 5, score: 100, passed: true });
    const oneWrong = { ...allRight, "confident-answer": "use" };
    expect(scoreQuiz(basics, oneWrong)).toMatchObject({ correct: 4, score: 80, passed: true });
    const twoWrong = { ...oneWrong, "new-tool": "not-an-option", decision: undefined };
    const failed = scoreQuiz(basics, twoWrong);
    expect(failed).toMatchObject({ correct: 2, score: 40, passed: false });
    expect(failed.feedback.find((one) => one.id === "confident-answer")).toMatchObject({ right: false, chosen: "Use it; the tool cited a source" });
    expect(failed.feedback.find((one) => one.id === "decision")).toMatchObject({ right: false, chosen: null });
  });
});
