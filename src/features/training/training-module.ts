import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { AIMS_ROLES } from "../../core/roles.js";

/** The risk tiers of the AI system register (requests.prisma RiskTier). */
export const SYSTEM_RISK_TIERS = ["low", "medium", "high"] as const;

/** Slack allows 75 characters in a radio button's text; a section holds 3,000. */
const OPTION_MAX = 75;
const id = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and -");

const questionSchema = z.strictObject({
  id,
  text: z.string().trim().min(1).max(300),
  options: z.array(z.strictObject({ id, text: z.string().trim().min(1).max(OPTION_MAX) })).min(2).max(6),
  /** The id of the correct option. */
  answer: id,
  /** Shown after the quiz, right or wrong: why the answer is the answer. */
  explanation: z.string().trim().min(1).max(600),
});

const moduleSchema = z.strictObject({
  id,
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(60),
  summary: z.string().trim().min(1).max(400),
  lessons: z.array(z.strictObject({ title: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(2_000) })).min(1).max(6),
  questions: z.array(questionSchema).min(1).max(10),
  /** The percentage of correct answers that passes. */
  passMark: z.number().int().min(1).max(100),
  /** After how many months a pass must be renewed; 0: never. */
  renewalMonths: z.number().int().min(0).max(60),
  /** Who must take it: everyone, holders of these roles, owners or users of systems of these risk tiers. */
  assignTo: z
    .strictObject({
      everyone: z.boolean().optional(),
      roles: z.array(z.enum(AIMS_ROLES)).optional(),
      systemOwners: z.array(z.enum(SYSTEM_RISK_TIERS)).optional(),
      systemUsers: z.array(z.enum(SYSTEM_RISK_TIERS)).optional(),
    })
    .refine((rules) => rules.everyone || rules.roles?.length || rules.systemOwners?.length || rules.systemUsers?.length, "must name someone: everyone, roles, systemOwners or systemUsers"),
});

export type TrainingModule = z.output<typeof moduleSchema>;
export type TrainingQuestion = TrainingModule["questions"][number];
export type AssignmentRules = TrainingModule["assignTo"];

/** An invalid training module file: every problem names the file and the line. */
export class TrainingModuleError extends Error {
  override readonly name = "TrainingModuleError";
  constructor(
    readonly sourceName: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid training module ${sourceName}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

type Problem = { path: (string | number)[]; message: string };

/** What the schema cannot say: unique question and option ids, an answer among the options, the file name's version. */
function crossCheck(module: TrainingModule, sourceName: string): Problem[] {
  const problems: Problem[] = [];
  const questions = new Set<string>();
  module.questions.forEach((question, q) => {
    if (questions.has(question.id)) problems.push({ path: ["questions", q, "id"], message: `question "${question.id}" appears twice` });
    questions.add(question.id);
    const options = question.options.map((option) => option.id);
    if (new Set(options).size !== options.length) problems.push({ path: ["questions", q, "options"], message: "two options have the same id" });
    if (!options.includes(question.answer)) problems.push({ path: ["questions", q, "answer"], message: `"${question.answer}" is not one of the options (${options.join(", ")})` });
  });
  const named = /^(.+)\.v(\d+)\.ya?ml$/.exec(sourceName);
  if (!named) problems.push({ path: [], message: "the file name must be <id>.v<version>.yaml" });
  else {
    if (named[1] !== module.id) problems.push({ path: ["id"], message: `the file name says id "${named[1]}", the file "${module.id}"` });
    if (Number(named[2]) !== module.version) problems.push({ path: ["version"], message: `the file name says version ${named[2]}, the file ${module.version}` });
  }
  return problems;
}

/** Parses and validates a module file; throws TrainingModuleError naming the file and line of each problem. */
export function parseTrainingModule(text: string, sourceName: string): TrainingModule {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    throw new TrainingModuleError(sourceName, document.errors.map((error) => `${sourceName}:${error.linePos?.[0].line ?? 1}: YAML syntax error: ${error.message.split("\n")[0]}`));
  }
  const lineOf = (path: (string | number)[]): number => {
    for (let length = path.length; length > 0; length--) {
      const node = document.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const describe = ({ path, message }: Problem) => `${sourceName}:${lineOf(path)}: ${path.length ? `${path.join(".")}: ` : ""}${message}`;
  const parsed = moduleSchema.safeParse(document.toJS());
  if (!parsed.success) {
    throw new TrainingModuleError(sourceName, parsed.error.issues.map((issue) => describe({ path: issue.path.map((key) => (typeof key === "number" ? key : String(key))), message: issue.message })));
  }
  const problems = crossCheck(parsed.data, sourceName);
  if (problems.length > 0) throw new TrainingModuleError(sourceName, problems.map(describe));
  return parsed.data;
}
