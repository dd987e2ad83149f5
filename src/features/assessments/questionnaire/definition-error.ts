/** Thrown when a questionnaire definition cannot be read or is invalid; lists every problem found. */
export class QuestionnaireDefinitionError extends Error {
  override readonly name = "QuestionnaireDefinitionError";

  /**
   * @param sourceName the file the definition came from, e.g. "impact-assessment.v1.yaml"
   * @param problems one line per problem, each naming the file, the section/question and what is wrong
   */
  constructor(
    readonly sourceName: string,
    readonly problems: readonly string[],
  ) {
    super(
      problems.length === 1
        ? problems[0]
        : `${sourceName}: ${problems.length} problems in the questionnaire definition:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
    );
  }
}
