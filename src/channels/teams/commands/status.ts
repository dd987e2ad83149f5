import { statusView } from "../../../features/requests/conversation/request-views.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { cardMessage } from "../cards/adaptive-card.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import type { TeamsCommand } from "./command.js";

export const statusCommand: TeamsCommand = {
  name: "status",
  description: W.statusDescription,
  async handle({ ctx, turn, actor }) {
    const view = statusView(await ctx.core.requests.listFor(actor));
    await turn.send(cardMessage(adaptiveCardOf(view), view.summary));
  },
};
