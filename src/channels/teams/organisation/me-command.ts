import { personalData } from "../../../features/organisation/personal-data.js";
import { personalDataReport } from "../../../features/organisation/personal-data-text.js";
import { markdownMessage } from "../cards/adaptive-card.js";
import type { TeamsCommand } from "../commands/command.js";
import { reportMessage } from "./report-card.js";

export const PERSONAL_CHAT_ONLY = "What AIMS holds about you is for you only: open a chat with AIMS and send **me** there.";

/** `me`: what the bot holds about the person, in their personal chat only (in a channel everyone would see it). */
export const meCommand: TeamsCommand = {
  name: "me",
  description: "See what AIMS holds about you: your accounts, roles, requests and the records you own (personal chat only).",
  async handle({ ctx, turn, actor }) {
    if (turn.activity.conversation?.conversationType !== "personal") return void (await turn.send(markdownMessage(PERSONAL_CHAT_ONLY)));
    await turn.send(reportMessage(personalDataReport(await personalData(ctx.core, actor))));
  },
};
