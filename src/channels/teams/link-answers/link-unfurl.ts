import { linkAnswerView } from "../../../features/link-answers/conversation/link-answer-views.js";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { teamsActor } from "../teams-actor.js";
import type { LinkQuery, LinkUnfurlResponse, TeamsTurn } from "../transport/index.js";

const THUMBNAIL_CARD = "application/vnd.microsoft.card.thumbnail";
const NO_CARD: LinkUnfurlResponse = { composeExtension: { type: "result", attachmentLayout: "list", attachments: [] } };

/**
 * A link to an AI tool pasted in Teams (`composeExtension/queryLink`): the answer as a card in the compose box, which
 * only the person composing sees, or no card at all when the bot cannot place the link, has told them about the
 * tool lately, or an AIMS owner turned link answers off in that conversation. The bot posts nothing itself.
 */
export async function linkQuery(ctx: TeamsContext, turn: TeamsTurn, query: LinkQuery): Promise<LinkUnfurlResponse> {
  const actor = teamsActor(turn.activity);
  if (!actor || !query.url) return NO_CARD;
  try {
    const answer = await ctx.core.linkAnswers.answerFor(actor, turn.activity.conversation?.id, [query.url]);
    if (!answer) return NO_CARD;
    const message = linkAnswerView(answer);
    return {
      composeExtension: {
        type: "result",
        attachmentLayout: "list",
        attachments: [
          {
            contentType: ADAPTIVE_CARD_CONTENT_TYPE,
            content: adaptiveCardOf(message),
            preview: { contentType: THUMBNAIL_CARD, content: { title: message.title, text: message.summary } },
          },
        ],
      },
    };
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not answer a link pasted in Teams");
    return NO_CARD;
  }
}
