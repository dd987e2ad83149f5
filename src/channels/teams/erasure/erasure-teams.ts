import { describeErasure, ERASURE_WORDING } from "../../../features/organisation/erasure-messages.js";
import { ERASURE_ONLY_OWNERS } from "../../../features/organisation/erasure.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardMessage, cardResponse, markdownMessage, messageResponse } from "../cards/adaptive-card.js";
import type { TeamsCommand } from "../commands/command.js";
import { erasureCard, readErasureCard } from "./erasure-card.js";
import { ERASURE_VERBS } from "./erasure-verbs.js";
import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";

/** `erase`: the erasure form, for AIMS owners. */
export const eraseCommand: TeamsCommand = {
  name: "erase",
  description: ERASURE_WORDING.description,
  visibleTo: (ctx, actor) => ctx.core.roles.has(actor, "owner"),
  async handle({ ctx, turn, actor }) {
    if (!(await ctx.core.roles.has(actor, "owner"))) return void (await turn.send(markdownMessage(ERASURE_ONLY_OWNERS)));
    await turn.send(cardMessage(erasureCard(), "Erase personal data"));
  },
};

/** Erase: field errors bring the form back with what was typed; otherwise the outcome or the refusal. */
const erase: CardActionHandler = async ({ ctx, actor, data }) => {
  const form = readErasureCard(data);
  const result = await ctx.core.erasure.erase(actor, form);
  if (result.kind === "invalid") return cardResponse(erasureCard(form, result.errors, FIX_MARKED_ANSWERS));
  return messageResponse(describeErasure(result));
};

export const ERASURE_ACTIONS = { [ERASURE_VERBS.erase]: erase };
