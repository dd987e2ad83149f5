import { cardMessage, markdownMessage } from "../cards/adaptive-card.js";
import { commandArguments, type TeamsCommand } from "../commands/command.js";
import { digestCard, digestSummary } from "./cards/digest-card.js";
import { objectivesCard, reviewsCard } from "./cards/list-cards.js";
import { objectiveForm, reviewScheduleForm } from "./cards/schedule-forms.js";
import type { TeamsTurn } from "../transport/index.js";

const LOOK_AHEAD_DAYS = 30;

/** The words after the command word, lower-cased ("digest preview" → "preview"). */
const argumentsOf = (turn: TeamsTurn) => commandArguments(turn).toLowerCase();

const say = (turn: TeamsTurn, text: string) => turn.send(markdownMessage(text));

export const objectivesCommand: TeamsCommand = {
  name: "objectives",
  description: "List AI objectives and their progress. `objectives add`: add one (AIMS owners and managers).",
  async handle({ ctx, turn, actor }) {
    if (argumentsOf(turn) === "add") {
      if (!(await ctx.core.scheduling.objectives.mayAdd(actor))) return void (await say(turn, "Only AIMS owners and managers can add objectives."));
      return void (await turn.send(cardMessage(objectiveForm(), "New AI objective")));
    }
    const objectives = await ctx.core.scheduling.objectives.list();
    await turn.send(cardMessage(objectivesCard(objectives), `${objectives.length} AI objective(s)`));
  },
};

export const reviewsCommand: TeamsCommand = {
  name: "reviews",
  description: `List reviews and other items due in the next ${LOOK_AHEAD_DAYS} days, and the review schedules. \`reviews add\`: schedule a review (AIMS owners).`,
  async handle({ ctx, turn, actor }) {
    const { reviews } = ctx.core.scheduling;
    if (argumentsOf(turn) === "add") {
      if (!(await reviews.mayEditSchedules(actor))) return void (await say(turn, "Only AIMS owners can add or change review schedules."));
      return void (await turn.send(cardMessage(reviewScheduleForm(), "New review schedule")));
    }
    const [due, schedules] = await Promise.all([reviews.dueWithin(LOOK_AHEAD_DAYS, actor), reviews.listSchedules()]);
    await turn.send(cardMessage(reviewsCard(due, schedules, LOOK_AHEAD_DAYS), `${due.length} item(s) due in the next ${LOOK_AHEAD_DAYS} days`));
  },
};

/** `digest preview`: this week's manager digest as it reads now, to managers only (TEAMS_MANAGERS). */
export const digestCommand: TeamsCommand = {
  name: "digest",
  description: "`digest preview`: this week's manager digest as it reads now (managers only).",
  async handle({ ctx, turn, actor }) {
    if (argumentsOf(turn) !== "preview") return void (await say(turn, "Try **digest preview**."));
    const result = await ctx.core.scheduling.digest.preview(actor);
    if (result.kind === "forbidden") return void (await say(turn, "The digest preview is for managers (TEAMS_MANAGERS)."));
    await turn.send(cardMessage(digestCard(result.report), digestSummary(result.report)));
  },
};
