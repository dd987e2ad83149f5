import type { Question, QuestionnaireDefinition, Section } from "./definition-schema.js";

export interface LocatedQuestion {
  readonly section: Section;
  readonly question: Question;
}

/** Every question in definition order, with the section it belongs to. */
export function listQuestions(definition: QuestionnaireDefinition): LocatedQuestion[] {
  return definition.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}

export function questionsById(definition: QuestionnaireDefinition): Map<string, Question> {
  return new Map(listQuestions(definition).map(({ question }) => [question.id, question]));
}
