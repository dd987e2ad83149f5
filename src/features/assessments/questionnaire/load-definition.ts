import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import { crossCheckDefinition } from "./cross-checks.js";
import { QuestionnaireDefinitionError } from "./definition-error.js";
import { type QuestionnaireDefinition, definitionSchema } from "./definition-schema.js";
import { definitionIssueMessages, describeProblem } from "./describe-problem.js";

export const DEFAULT_DEFINITION_FILE = "impact-assessment.v1.yaml";

export async function loadQuestionnaireDefinition(path: string): Promise<QuestionnaireDefinition> {
  const sourceName = basename(path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QuestionnaireDefinitionError(sourceName, [`${sourceName}: cannot read the definition file (${reason})`]);
  }
  return parseQuestionnaireDefinition(text, sourceName);
}

/** Parses and fully validates a YAML definition; throws QuestionnaireDefinitionError listing every problem. */
export function parseQuestionnaireDefinition(text: string, sourceName: string): QuestionnaireDefinition {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const where = error.linePos?.[0];
      const position = where ? ` at line ${where.line}, column ${where.col}` : "";
      return `${sourceName}: YAML syntax error${position}: ${error.message.split("\n")[0]}`;
    });
    throw new QuestionnaireDefinitionError(sourceName, problems);
  }
  const raw: unknown = document.toJS();
  if (raw === null || raw === undefined) {
    throw new QuestionnaireDefinitionError(sourceName, [`${sourceName}: the definition file is empty`]);
  }

  const parsed = definitionSchema.safeParse(raw, { error: definitionIssueMessages });
  if (!parsed.success) {
    // Cross-checks need a well-formed definition, so shape problems are reported first, all of them at once.
    const problems = parsed.error.issues.map((issue) => describeProblem(sourceName, issue.path, issue.message, raw));
    throw new QuestionnaireDefinitionError(sourceName, problems);
  }
  const definition = parsed.data;
  const crossProblems = crossCheckDefinition(definition);
  if (crossProblems.length > 0) {
    const problems = crossProblems.map((problem) => describeProblem(sourceName, problem.path, problem.message, raw));
    throw new QuestionnaireDefinitionError(sourceName, problems);
  }
  return definition;
}

/**
 * Path of the shipped default definition. Resolved from the project root (the nearest directory with a
 * package.json) so it is found both from src/ (tsx, vitest) and from compiled code in dist/.
 */
export function defaultDefinitionPath(): string {
  return join(projectRoot(), "src", "features", "assessments", "definitions", DEFAULT_DEFINITION_FILE);
}

function projectRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let directory = start; ; directory = dirname(directory)) {
    if (existsSync(join(directory, "package.json"))) return directory;
    if (dirname(directory) === directory) throw new Error(`no package.json found above ${start}`);
  }
}
