import type { Actor } from "../../../core/actor.js";
import type { TriageResult } from "../../../features/concerns/concern-service.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { readText } from "../incidents/card-inputs.js";
import { triageCard, TRIAGE_INPUTS } from "./triage-card.js";

const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type TriageStep = (args: { ctx: TeamsContext; actor: Actor; reference: string; data: Record<string, unknown> }) => Promise<TriageResult>;


/**
 * A button of the triage card. The core checks that the person is a configured triager and that the step is
 * allowed now; success answers with the card as it now stands (the notifications update it for everyone).
 */
function triageAction(step: TriageStep): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const reference = String(data.reference ?? "");
    try {
      const result = await step({ ctx, actor, reference, data });
      switch (result.kind) {
        case "done":
          return cardResponse(triageCard(result.concern, await ctx.core.concerns.messages(result.concern.id)));
        case "not_found":
          return messageResponse(`I can't find concern ${reference}.`);
        case "forbidden":
        case "refused":
        case "invalid":
          return messageResponse(result.message);
      }
    } catch (error) {
      return messageResponse(concernFailure(error, ctx.logger, "teams concern triage"));
    }
  };
}

export const acknowledgeConcern = triageAction(({ ctx, actor, reference }) => ctx.core.concerns.acknowledge(actor, reference));

export const askReporter = triageAction(({ ctx, actor, reference, data }) =>
  ctx.core.concerns.ask(actor, reference, readText(data, TRIAGE_INPUTS.question)),
);

export const assignConcern = triageAction(async ({ ctx, actor, reference, data }) => {
  const refusal = await ctx.core.concerns.triageRefusal(actor);
  if (refusal) return { kind: "forbidden", message: refusal };
  const picked = readText(data, TRIAGE_INPUTS.assignee) ?? "";
  if (!AAD_OBJECT_ID.test(picked)) return { kind: "invalid", message: "Please choose who investigates it." };
  return ctx.core.concerns.assign(actor, reference, await ctx.core.people.person("teams", picked));
});

export const closeConcern = triageAction(({ ctx, actor, reference, data }) => {
  const outcome = readText(data, TRIAGE_INPUTS.outcome);
  if (outcome !== "resolved" && outcome !== "dismissed") return Promise.resolve({ kind: "invalid", message: "Please choose the outcome." });
  return ctx.core.concerns.close(actor, reference, outcome, readText(data, TRIAGE_INPUTS.reason));
});
