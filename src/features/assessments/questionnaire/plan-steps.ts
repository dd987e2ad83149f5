import type { Question, QuestionnaireDefinition, Section } from "./definition-schema.js";

export interface Step {
  /** 0-based position in the plan. */
  readonly index: number;
  readonly sectionId: string;
  /** Section title, with "(part 2 of 3)" when the section is split over several steps. */
  readonly title: string;
  readonly sectionTitle: string;
  readonly part: number;
  readonly partCount: number;
  readonly questionIds: readonly string[];
}

export interface StepLimits {
  readonly maxQuestionsPerStep: number;
  /** Total blocks one step (form view) may hold, including the reserved ones. */
  readonly maxBlocksPerStep: number;
  readonly blocksPerQuestion: (question: Question) => number;
  /** Blocks every step spends on its own header, description and progress context. */
  readonly reservedBlocksPerStep?: number;
}

/** Fits a Slack modal (100 blocks, 3 kept for header/context/divider) while keeping each step short to fill in. */
export const DEFAULT_STEP_LIMITS: StepLimits = {
  maxQuestionsPerStep: 10,
  maxBlocksPerStep: 100,
  reservedBlocksPerStep: 3,
  blocksPerQuestion: (question) => (question.type === "likelihood_severity" ? 2 : 1),
};

/**
 * One section per step; a section that does not fit the limits is split into parts of near-equal size, in
 * question order. Throws if a single question cannot fit in a step at all.
 */
export function planSteps(definition: QuestionnaireDefinition, limits: StepLimits = DEFAULT_STEP_LIMITS): Step[] {
  const questionBudget = Math.floor(limits.maxQuestionsPerStep);
  const blockBudget = Math.floor(limits.maxBlocksPerStep - (limits.reservedBlocksPerStep ?? 0));
  if (questionBudget < 1) throw new RangeError(`maxQuestionsPerStep must be at least 1 (got ${limits.maxQuestionsPerStep})`);
  if (blockBudget < 1) throw new RangeError(`no blocks left for questions: maxBlocksPerStep ${limits.maxBlocksPerStep}, reserved ${limits.reservedBlocksPerStep ?? 0}`);

  const steps: Step[] = [];
  for (const section of definition.sections) {
    const parts = splitSection(section, questionBudget, blockBudget, limits.blocksPerQuestion);
    parts.forEach((questionIds, partIndex) => {
      steps.push({
        index: steps.length,
        sectionId: section.id,
        title: parts.length > 1 ? `${section.title} (part ${partIndex + 1} of ${parts.length})` : section.title,
        sectionTitle: section.title,
        part: partIndex + 1,
        partCount: parts.length,
        questionIds,
      });
    });
  }
  return steps;
}

function splitSection(section: Section, questionBudget: number, blockBudget: number, blocksOf: (question: Question) => number): string[][] {
  for (const question of section.questions) {
    if (blocksOf(question) > blockBudget) {
      throw new RangeError(`question "${question.id}" in section "${section.id}" needs ${blocksOf(question)} blocks; a step has room for ${blockBudget}`);
    }
  }
  const greedy = fillGreedily(section.questions, questionBudget, blockBudget, blocksOf);
  // Greedy filling leaves a short last part ("10 + 2"); capping each part at an even share gives "6 + 6"
  // whenever that still needs no more parts.
  const evenShare = Math.ceil(section.questions.length / greedy.length);
  const balanced = fillGreedily(section.questions, Math.min(questionBudget, evenShare), blockBudget, blocksOf);
  return balanced.length === greedy.length ? balanced : greedy;
}

function fillGreedily(questions: readonly Question[], questionBudget: number, blockBudget: number, blocksOf: (question: Question) => number): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  let blocks = 0;
  for (const question of questions) {
    const cost = blocksOf(question);
    if (current.length > 0 && (current.length >= questionBudget || blocks + cost > blockBudget)) {
      parts.push(current);
      current = [];
      blocks = 0;
    }
    current.push(question.id);
    blocks += cost;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** "Step 2 of 6" for a 0-based step index. */
export function stepLabel(step: Pick<Step, "index">, total: number): string {
  return `Step ${step.index + 1} of ${total}`;
}

export const SHORT_TITLE_MAX = 24;

/**
 * A title that fits a Slack modal title (24 characters): the section title, shortened with an ellipsis if
 * needed, plus " 2/3" when the section is split.
 */
export function shortStepTitle(step: Pick<Step, "sectionTitle" | "part" | "partCount">, maxLength = SHORT_TITLE_MAX): string {
  const suffix = step.partCount > 1 ? ` ${step.part}/${step.partCount}` : "";
  return `${truncateText(step.sectionTitle, maxLength - [...suffix].length)}${suffix}`;
}

/** Cuts text to at most maxLength characters (code points), at a word boundary when one is near, adding "…". */
export function truncateText(text: string, maxLength: number): string {
  const characters = [...text.trim()];
  if (characters.length <= maxLength) return characters.join("");
  if (maxLength <= 1) return characters.slice(0, Math.max(maxLength, 0)).join("");
  const cut = characters.slice(0, maxLength - 1).join("");
  const lastSpace = cut.lastIndexOf(" ");
  const endsAtWord = characters[maxLength - 1] === " ";
  const wordCut = !endsAtWord && lastSpace >= cut.length / 2 ? cut.slice(0, lastSpace) : cut;
  return `${wordCut.replace(/[\s,;:–-]+$/u, "")}…`;
}
