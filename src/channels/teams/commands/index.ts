import { markdownMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { failureMessage } from "../reply.js";
import { teamsActor, UNKNOWN_PERSON_MESSAGE } from "../teams-actor.js";
import { typedText, type TeamsCommand } from "./command.js";
import { helpCommand, welcomeText } from "./help.js";
import { requestCommand } from "./request.js";
import { registerCommand } from "./register.js";
import { statusCommand } from "./status.js";
import { concernCommand } from "../concerns/concern-command.js";
import { CAPABILITIES } from "../../../features/capabilities.js";
import { commandsOf } from "../conversation/capability-commands.js";
import { exportCommand } from "../evidence/export-command.js";
import { meCommand } from "../organisation/me-command.js";
import { eraseCommand } from "../erasure/erasure-teams.js";
import type { TeamsActivity, TeamsTurn } from "../transport/index.js";

const help = helpCommand(() => COMMANDS);
export const COMMANDS: readonly TeamsCommand[] = [requestCommand, statusCommand, meCommand, registerCommand, concernCommand, ...CAPABILITIES.flatMap(commandsOf), exportCommand, eraseCommand, help];

/** The command word of a message, without the @mention of the bot that channel messages start with. */
export function commandWord(turn: TeamsTurn): string {
  return commandWordOf(turn.activity);
}

export function commandWordOf(activity: Partial<TeamsActivity>): string {
  return typedText(activity).split(/\s+/)[0]?.toLowerCase() ?? "";
}

/** Runs the command a message names; anything else gets the help text. */
export async function handleMessage(ctx: TeamsContext, turn: TeamsTurn): Promise<void> {
  const actor = teamsActor(turn.activity);
  if (!actor) {
    await turn.send(UNKNOWN_PERSON_MESSAGE);
    return;
  }
  const word = commandWord(turn);
  const command = COMMANDS.find((candidate) => candidate.name === word) ?? help;
  try {
    await command.handle({ ctx, turn, actor });
  } catch (error) {
    await turn.send(failureMessage(error, ctx.logger, { command: command.name }));
  }
}

/** Said on install, to everyone in the conversation: commands for particular roles are left out. */
export const welcomeMessage = () => markdownMessage(welcomeText(COMMANDS.filter((command) => !command.visibleTo)));
