import { cardMessage } from "../cards/adaptive-card.js";
import { statusCard } from "../cards/requester-cards.js";
import type { TeamsCommand } from "./command.js";

export const statusCommand: TeamsCommand = {
  name: "status",
  description: "List your AI tool requests and where each one stands.",
  async handle({ ctx, turn, actor }) {
    const requests = await ctx.core.requests.listFor(actor);
    await turn.sendActivity(cardMessage(statusCard(requests), `You have ${requests.length} AI tool request(s).`));
  },
};
