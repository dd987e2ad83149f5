/** Channel-neutral core of the AI system impact assessment (ISO/IEC 42001 6.1.4, 8.4, A.5.2-A.5.5). */
export {
  QUESTION_TYPES,
  type Condition,
  type Question,
  type QuestionOption,
  type QuestionType,
  type QuestionnaireDefinition,
  type ScoringRule,
  type Section,
} from "./definition-schema.js";
export { QuestionnaireDefinitionError } from "./definition-error.js";
export { defaultDefinitionPath, loadQuestionnaireDefinition, parseQuestionnaireDefinition } from "./load-definition.js";
export { listQuestions, questionsById, type LocatedQuestion } from "./definition-index.js";
export { DEFAULT_STEP_LIMITS, SHORT_TITLE_MAX, planSteps, shortStepTitle, stepLabel, truncateText, type Step, type StepLimits } from "./plan-steps.js";
export {
  effectiveAnswers,
  isComplete,
  missingQuestions,
  validateStepAnswers,
  type AnswerValue,
  type Answers,
  type LikelihoodSeverity,
  type MissingQuestion,
  type StepValidation,
} from "./answers.js";
export { readAnswersForDefinition, type DroppedAnswer, type StoredAnswersReading } from "./read-stored-answers.js";
export { maxLengthOf } from "./answer-value.js";
export { visibleQuestionIds } from "./visibility.js";
export { likelihoodSeverityLevel, scoreAssessment, type AssessmentScore, type GroupRisk } from "./scoring.js";
export { RISK_LEVELS, type RiskLevel } from "../../../core/risk-levels.js";
export { DEFAULT_REASSESSMENT_INTERVALS, nextReassessmentDate, type ReassessmentIntervals } from "./next-review.js";
export { describeAnswer } from "./answer-text.js";
export { conditionWords } from "./condition-words.js";
export { questionsForStep, type StepQuestion } from "./step-questions.js";
export { mergePartialStepAnswers } from "./partial-answers.js";
