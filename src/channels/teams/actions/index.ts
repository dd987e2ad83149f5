import { messageResponse } from "../cards/adaptive-card.js";
import { failureMessage } from "../reply.js";
import type { TeamsContext } from "../context.js";
import { teamsActor, UNKNOWN_PERSON_MESSAGE } from "../teams-actor.js";
import { TEAMS_VERBS, type TeamsVerb } from "../verbs.js";
import type { CardActionHandler } from "./card-action.js";
import { decideRequest } from "./decide-request.js";
import { CONCERN_ACTIONS } from "../concerns/concern-actions.js";
import { ASSESSMENT_ACTIONS } from "../assessments/assessment-actions.js";
import { CAPABILITIES } from "../../../features/capabilities.js";
import { verbsOf } from "../conversation/capability-verbs.js";
import { ERASURE_ACTIONS } from "../erasure/erasure-teams.js";
import type { CardAction, CardInvokeResponse, TeamsTurn } from "../transport/index.js";
import { modernCardAction } from "../conversation/legacy-verbs.js";

const HANDLERS: Record<string, CardActionHandler> = {
  ...CONCERN_ACTIONS,
  ...ASSESSMENT_ACTIONS,
  ...Object.assign({}, ...CAPABILITIES.map(verbsOf)),
  ...ERASURE_ACTIONS,
  [TEAMS_VERBS.approve]: decideRequest("approved"),
  [TEAMS_VERBS.approveWithConditions]: decideRequest("approved", { withConditions: true }),
  [TEAMS_VERBS.reject]: decideRequest("rejected"),
  [TEAMS_VERBS.requestChanges]: decideRequest("changes_requested"),
};

/** Routes an `adaptiveCard/action` invoke to the handler of its verb. */
export async function handleCardAction(
  ctx: TeamsContext,
  turn: TeamsTurn,
  clicked: CardAction,
): Promise<CardInvokeResponse> {
  const action = modernCardAction(clicked);
  const actor = teamsActor(turn.activity);
  if (!actor) return messageResponse(UNKNOWN_PERSON_MESSAGE);
  const handler = HANDLERS[action.verb as TeamsVerb];
  if (!handler) return messageResponse("That button is no longer supported. Send **help** to see what I can do.");
  try {
    return await handler({ ctx, turn, actor, data: action.data });
  } catch (error) {
    // Handlers answer the failures they can keep typed input for; anything else still gets a clear answer.
    return messageResponse(failureMessage(error, ctx.logger, { action: action.verb }));
  }
}
