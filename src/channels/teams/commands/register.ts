import { registerHeadline } from "../../../features/requests/register-listing.js";
import { cardMessage } from "../cards/adaptive-card.js";
import { registerCard } from "../cards/register-card.js";
import { commandArguments, type TeamsCommand } from "./command.js";

export const registerCommand: TeamsCommand = {
  name: "register",
  description: "See the AI system register: approved AI tools, their risk, owner and next review. `register <name>` searches it.",
  async handle({ ctx, turn }) {
    const listing = await ctx.core.requests.register(commandArguments(turn));
    await turn.sendActivity(cardMessage(registerCard(listing), registerHeadline(listing)));
  },
};
