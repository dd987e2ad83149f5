import { defaultDefinitionPath, loadQuestionnaireDefinition, type QuestionnaireDefinition } from "./questionnaire/index.js";

/**
 * The questionnaire in force: an organisation's own file, or the shipped default. Throws
 * QuestionnaireDefinitionError naming the file, the question and the problem, which stops start-up.
 */
export function loadAssessmentDefinition(path: string | undefined): Promise<QuestionnaireDefinition> {
  return loadQuestionnaireDefinition(path ?? defaultDefinitionPath());
}
