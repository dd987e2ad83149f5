import { markdownMessage } from "../cards/adaptive-card.js";
import type { TeamsCommand } from "./command.js";

export function helpText(commands: readonly TeamsCommand[]): string {
  return [
    "**AIMS** helps us use AI responsibly, as ISO/IEC 42001 asks. Send me one of these words (in a channel, @mention me first):",
    ...commands.map((command) => `- **${command.name}**: ${command.description}`),
  ].join("\n\n");
}

export function welcomeText(commands: readonly TeamsCommand[]): string {
  return `Hello! I'm AIMS, the AI management system bot. Before you start using a new AI tool, ask for approval here: the approvers decide, and approved tools go into the AI system register.\n\n${helpText(commands)}`;
}

export function helpCommand(all: () => readonly TeamsCommand[]): TeamsCommand {
  return {
    name: "help",
    description: "Show this list.",
    async handle({ ctx, turn, actor }) {
      const commands = all();
      const shown = await Promise.all(commands.map((command) => command.visibleTo?.(ctx, actor) ?? true));
      const visible = commands.filter((_, index) => shown[index]);
      await turn.send(markdownMessage(helpText(visible)));
    },
  };
}
