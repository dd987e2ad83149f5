import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, parseDocument } from "yaml";
import { z } from "zod";
import { unstorableFields } from "../../core/storable-text.js";
import { isControlId } from "../../core/iso42001/control-ids.js";
import { definitionIssueMessages } from "../assessments/questionnaire/describe-problem.js";

const optionSchema = z.strictObject({ value: z.string().regex(/^[a-z0-9_]+$/, "must be lower-case letters, digits and _"), label: z.string().min(1).max(75) });

const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be lower-case letters, digits and _"),
  type: z.enum(["text", "long_text", "single_choice", "multi_choice"]),
  label: z.string().min(1).max(150),
  help: z.string().max(300).optional(),
  optional: z.boolean().optional(),
  max_length: z.number().int().min(1).max(3000).optional(),
  options: z.array(optionSchema).min(2).max(20).optional(),
});

const definitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and -"),
  version: z.number().int().min(1),
  title: z.string().min(1).max(100),
  controls: z.array(z.string().refine(isControlId, "is not an ISO/IEC 42001 clause or Annex A control")).min(1),
  questions: z.array(questionSchema).min(1).max(20),
});

export type VendorQuestionnaire = z.output<typeof definitionSchema>;
export type VendorQuestion = VendorQuestionnaire["questions"][number];
/** Answers as stored: question id → text, or the chosen option values. */
export type VendorAnswers = Record<string, string | string[]>;

export const DEFAULT_VENDOR_QUESTIONNAIRE = "vendor-due-diligence.v1.yaml";

/** Thrown at start-up when the questionnaire is not valid: every problem, each with the file, line and question. */
export class VendorQuestionnaireError extends Error {
  override readonly name = "VendorQuestionnaireError";
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems in the vendor questionnaire:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

/** Parses and checks a vendor questionnaire; throws VendorQuestionnaireError naming the file and line of each problem. */
export function parseVendorQuestionnaire(text: string, sourceName: string): VendorQuestionnaire {
  const document = parseDocument(text);
  const lineCounter = (offset: number | undefined) => (offset === undefined ? undefined : text.slice(0, offset).split("\n").length);
  if (document.errors.length > 0) {
    throw new VendorQuestionnaireError(document.errors.map((error) => `${sourceName}: YAML syntax error at line ${error.linePos?.[0]?.line ?? "?"}: ${error.message.split("\n")[0]}`));
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    let node: unknown = document.contents;
    let line = lineCounter((node as { range?: [number] } | null)?.range?.[0]);
    for (const segment of path) {
      if (isMap(node)) node = node.get(String(segment), true);
      else if (isSeq(node) && typeof segment === "number") node = node.get(segment, true);
      else break;
      line = lineCounter((node as { range?: [number] } | undefined)?.range?.[0]) ?? line;
    }
    return line;
  };
  const raw: unknown = document.toJS();
  const where = (path: readonly PropertyKey[]) => {
    const question = path[0] === "questions" && typeof path[1] === "number" ? (raw as { questions?: { id?: unknown }[] }).questions?.[path[1]]?.id : undefined;
    const field = (question !== undefined ? path.slice(2) : path).map(String).join(".");
    return [`${sourceName} line ${lineOf(path) ?? "?"}`, ...(question !== undefined ? [`question "${String(question)}"`] : []), ...(field ? [field] : [])].join(": ");
  };
  const parsed = definitionSchema.safeParse(raw, { error: definitionIssueMessages });
  if (!parsed.success) throw new VendorQuestionnaireError(parsed.error.issues.map((issue) => `${where(issue.path)}: ${issue.message}`));
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.questions.forEach((question, index) => {
    const path = ["questions", index];
    if (seen.has(question.id)) problems.push(`${where([...path, "id"])}: the id is used twice`);
    seen.add(question.id);
    const choice = question.type === "single_choice" || question.type === "multi_choice";
    if (choice && !question.options) problems.push(`${where(path)}: a ${question.type} question needs options`);
    if (!choice && question.options) problems.push(`${where([...path, "options"])}: a ${question.type} question has no options`);
    if (choice && question.max_length !== undefined) problems.push(`${where([...path, "max_length"])}: only text questions have a max_length`);
    const values = question.options?.map((option) => option.value) ?? [];
    if (new Set(values).size !== values.length) problems.push(`${where([...path, "options"])}: an option value is used twice`);
  });
  if (problems.length > 0) throw new VendorQuestionnaireError(problems);
  return parsed.data;
}

/** Reads the questionnaire when the bot starts (the shipped one by default). */
export function loadVendorQuestionnaire(path = defaultVendorQuestionnairePath()): VendorQuestionnaire {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new VendorQuestionnaireError([`${basename(path)}: cannot read the vendor questionnaire (${error instanceof Error ? error.message : String(error)})`]);
  }
  return parseVendorQuestionnaire(text, basename(path));
}

export function defaultVendorQuestionnairePath(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let directory = start; dirname(directory) !== directory; directory = dirname(directory)) {
    if (basename(directory) === "src" || basename(directory) === "dist") return join(dirname(directory), "src", "features", "vendors", "definitions", DEFAULT_VENDOR_QUESTIONNAIRE);
  }
  return join(start, "definitions", DEFAULT_VENDOR_QUESTIONNAIRE);
}

/** The answers in a submitted form, checked against the questionnaire: each required one given, choices among the options. */
export function parseVendorAnswers(questionnaire: VendorQuestionnaire, raw: Record<string, unknown>) {
  const answers: VendorAnswers = {};
  const errors: Record<string, string> = { ...unstorableFields(raw) };
  const read = {
    text: (id: string) => (typeof raw[id] === "string" ? (raw[id] as string) : ""),
    list: (id: string) => (Array.isArray(raw[id]) ? (raw[id] as unknown[]).map(String) : typeof raw[id] === "string" && raw[id] ? [raw[id] as string] : []),
  };
  for (const question of questionnaire.questions) {
    if (errors[question.id]) continue;
    const allowed = new Set(question.options?.map((option) => option.value));
    if (question.type === "multi_choice") {
      const chosen = read.list(question.id).filter(Boolean);
      if (chosen.some((value) => !allowed.has(value))) errors[question.id] = "Choose among the options";
      else if (chosen.length === 0 && !question.optional) errors[question.id] = "Choose at least one";
      else answers[question.id] = chosen;
      continue;
    }
    const text = read.text(question.id).trim();
    if (!text) {
      if (!question.optional) errors[question.id] = question.type === "single_choice" ? "Choose an answer" : "Answer this question";
      continue;
    }
    if (question.type === "single_choice" && !allowed.has(text)) errors[question.id] = "Choose among the options";
    else if (text.length > (question.max_length ?? 2000)) errors[question.id] = `Keep it under ${question.max_length ?? 2000} characters`;
    else answers[question.id] = text;
  }
  return Object.keys(errors).length > 0 ? { ok: false as const, errors } : { ok: true as const, answers };
}

/** An answer in words: the option labels for a choice, the text otherwise. */
export function answerText(question: VendorQuestion, answer: string | string[] | undefined): string {
  if (answer === undefined || (Array.isArray(answer) && answer.length === 0)) return "—";
  const label = (value: string) => question.options?.find((option) => option.value === value)?.label ?? value;
  return Array.isArray(answer) ? answer.map(label).join(", ") : question.options ? label(answer) : answer;
}
