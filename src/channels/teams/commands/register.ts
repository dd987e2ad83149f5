import { registerView } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { cardMessage } from "../cards/adaptive-card.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { commandArguments, type TeamsCommand } from "./command.js";

export const registerCommand: TeamsCommand = {
  name: "register",
  description: W.registerDescription,
  async handle({ ctx, turn }) {
    const view = registerView(await ctx.core.requests.register(commandArguments(turn)));
    await turn.send(cardMessage(adaptiveCardOf(view), view.summary));
  },
};
