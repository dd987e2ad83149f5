import { parseOccurrenceKey } from "../../../features/reminders/due-item.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { failureMessage } from "../reply.js";
import { outcomeCard } from "./cards/reminder-card.js";
import { SCHEDULING_INPUTS as INPUTS } from "./scheduling-verbs.js";

/** Teams sends an input left empty as ""; the schema must see it as missing (an empty number is not 0). */
const filled = (value: unknown) => (value === "" || value === null ? undefined : value);

/** "Record" on a check-in prompt: progress (on track / at risk / off track), a number towards the target, a note. */
export const recordCheckIn: CardActionHandler = async ({ ctx, actor, data }) => {
  const parsed = parseOccurrenceKey(typeof data.key === "string" ? data.key : "");
  if (!parsed) return messageResponse("That check-in is out of date.");
  try {
    const values = { progress: filled(data[INPUTS.progress]), value: filled(data[INPUTS.value]), note: filled(data[INPUTS.note]) };
    const result = await ctx.core.scheduling.objectives.checkIn(actor, parsed.itemId, values, parsed.dueAt);
    if (result.kind === "invalid") return messageResponse(Object.values(result.errors).filter(Boolean).join(". "));
    if ("message" in result) return messageResponse(result.message);
    const { objective } = result;
    const item = { itemId: objective.reference, title: objective.title };
    if (result.kind === "already_recorded") return cardResponse(outcomeCard(item, "This check-in was already recorded."));
    const unit = objective.unit ? ` ${objective.unit}` : "";
    return cardResponse(outcomeCard(item, `📈 Recorded: ${result.checkIn.value}${unit} of ${objective.targetValue}${unit}. Thank you.`));
  } catch (error) {
    return messageResponse(failureMessage(error, ctx.logger, { action: "objective.checkIn" }));
  }
};
