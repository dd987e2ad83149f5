import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { isControlId } from "../../core/iso42001/controls.js";
import { findRepoRoot } from "../../core/iso42001/yaml-data-file.js";

/** The EU AI Act operator roles (Art. 3(3)-(7)). */
export const AI_ACT_ROLES = ["provider", "deployer", "importer", "distributor"] as const;
export type AiActRole = (typeof AI_ACT_ROLES)[number];

/** What the bot does with an outcome: stop the request, raise it to high risk, or record it. */
export const OUTCOME_EFFECTS = ["stop", "high_risk", "none"] as const;

/** Slack allows 75 characters in a radio button's or checkbox's text. */
const OPTION_LABEL_MAX = 75;
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be lower-case letters, digits and _");
const cites = z.string().trim().min(2, "must cite the article or annex");

const optionSchema = z.strictObject({
  value: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be lower-case letters, digits and _"),
  label: z.string().trim().min(1).max(OPTION_LABEL_MAX),
  cites,
  outcome: id.optional(),
  role: z.enum(AI_ACT_ROLES).optional(),
});

const questionSchema = z.strictObject({
  id,
  kind: z.enum(["single", "multiple"]),
  label: z.string().trim().min(1).max(150),
  hint: z.string().trim().max(300).optional(),
  cites,
  none: z.string().optional(),
  options: z.array(optionSchema).min(2),
});

const outcomeSchema = z.strictObject({
  id,
  rank: z.number().int(),
  label: z.string().trim().min(1).max(80),
  cites,
  effect: z.enum(OUTCOME_EFFECTS),
  default: z.boolean().optional(),
  explanation: z.string().trim().min(1).max(400),
  duties: z.partialRecord(z.enum(AI_ACT_ROLES), z.string().trim().min(1).max(400)).optional(),
  controls: z.array(z.string()).min(1),
});

const definitionSchema = z.strictObject({
  version: z.number().int().positive(),
  regulation: z.string().trim().min(1),
  questions: z.array(questionSchema).min(1),
  outcomes: z.array(outcomeSchema).min(1),
});

export type ClassificationDefinition = z.output<typeof definitionSchema>;
export type ClassificationQuestion = ClassificationDefinition["questions"][number];
export type ClassificationOutcome = ClassificationDefinition["outcomes"][number];

/** An invalid classification definition: every problem names the file and the line. */
export class ClassificationDefinitionError extends Error {
  override readonly name = "ClassificationDefinitionError";
  constructor(
    readonly sourceName: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid EU AI Act classification definition ${sourceName}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

type Problem = { path: (string | number)[]; message: string };

/** Checks across the definition: outcomes named by options exist, one default, one role question, known controls. */
function crossCheck(definition: ClassificationDefinition): Problem[] {
  const problems: Problem[] = [];
  const outcomes = new Set(definition.outcomes.map((outcome) => outcome.id));
  const seen = new Set<string>();
  definition.questions.forEach((question, q) => {
    if (seen.has(question.id)) problems.push({ path: ["questions", q, "id"], message: `question "${question.id}" appears twice` });
    seen.add(question.id);
    const values = question.options.map((option) => option.value);
    if (question.none !== undefined && !values.includes(question.none)) {
      problems.push({ path: ["questions", q, "none"], message: `"${question.none}" is not one of the question's options` });
    }
    if (question.none !== undefined && question.kind !== "multiple") {
      problems.push({ path: ["questions", q, "none"], message: `only a "multiple" question has a "none" option` });
    }
    question.options.forEach((option, o) => {
      if (values.indexOf(option.value) !== o) problems.push({ path: ["questions", q, "options", o, "value"], message: `option "${option.value}" appears twice` });
      if (option.outcome !== undefined && !outcomes.has(option.outcome)) {
        problems.push({ path: ["questions", q, "options", o, "outcome"], message: `unknown outcome "${option.outcome}" (known: ${[...outcomes].join(", ")})` });
      }
    });
  });
  const roleQuestions = definition.questions.filter((question) => question.options.some((option) => option.role));
  if (roleQuestions.length !== 1 || roleQuestions[0].kind !== "single" || roleQuestions[0].options.some((option) => !option.role)) {
    problems.push({ path: ["questions"], message: "exactly one single-choice question gives the role, with a role on each of its options" });
  }
  const defaults = definition.outcomes.filter((outcome) => outcome.default);
  if (defaults.length !== 1) problems.push({ path: ["outcomes"], message: `exactly one outcome is the default (found ${defaults.length})` });
  const outcomeIds = new Set<string>();
  definition.outcomes.forEach((outcome, i) => {
    if (outcomeIds.has(outcome.id)) problems.push({ path: ["outcomes", i, "id"], message: `outcome "${outcome.id}" appears twice` });
    outcomeIds.add(outcome.id);
    outcome.controls.forEach((control, c) => {
      if (!isControlId(control)) problems.push({ path: ["outcomes", i, "controls", c], message: `unknown ISO/IEC 42001 Annex A control "${control}"` });
    });
  });
  return problems;
}

/** Parses and validates a definition; throws ClassificationDefinitionError naming the file and line of each problem. */
export function parseClassificationDefinition(text: string, sourceName: string): ClassificationDefinition {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    throw new ClassificationDefinitionError(
      sourceName,
      document.errors.map((error) => `${sourceName}:${error.linePos?.[0].line ?? 1}: YAML syntax error: ${error.message.split("\n")[0]}`),
    );
  }
  const lineOf = (path: (string | number)[]): number => {
    for (let length = path.length; length > 0; length--) {
      const node = document.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const describe = ({ path, message }: Problem) => `${sourceName}:${lineOf(path)}: ${path.join(".")}: ${message}`;
  const parsed = definitionSchema.safeParse(document.toJS());
  if (!parsed.success) {
    throw new ClassificationDefinitionError(
      sourceName,
      parsed.error.issues.map((issue) => describe({ path: issue.path.map((key) => (typeof key === "number" ? key : String(key))), message: issue.message })),
    );
  }
  const problems = crossCheck(parsed.data);
  const fileVersion = /\.v(\d+)\.ya?ml$/.exec(sourceName)?.[1];
  if (fileVersion && Number(fileVersion) !== parsed.data.version) {
    problems.push({ path: ["version"], message: `the file name says version ${fileVersion}, the file ${parsed.data.version}` });
  }
  if (problems.length > 0) throw new ClassificationDefinitionError(sourceName, problems.map(describe));
  return parsed.data;
}

export const CLASSIFICATION_DEFINITION_FILE = join("src", "features", "classification", "definitions", "eu-ai-act.v1.yaml");

let loaded: ClassificationDefinition | undefined;

/** The shipped definition, read and validated once (at start-up: `createCore` asks for it). */
export function euAiActDefinition(): ClassificationDefinition {
  if (!loaded) {
    const path = join(findRepoRoot(import.meta.url), CLASSIFICATION_DEFINITION_FILE);
    loaded = parseClassificationDefinition(readFileSync(path, "utf8"), basename(path));
  }
  return loaded;
}
