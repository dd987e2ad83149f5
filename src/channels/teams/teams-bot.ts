import { handleCardAction } from "./actions/index.js";
import { handleMessage, welcomeMessage } from "./commands/index.js";
import type { TeamsContext } from "./context.js";
import { isUnlinkableActivity } from "./concerns/unlinkable-activity.js";
import type { TeamsDirectory } from "./directory/teams-directory.js";
import { acceptAuditPackUpload, declineAuditPackUpload } from "./evidence/export-consent.js";
import { linkQuery } from "./link-answers/link-unfurl.js";
import { fetchMessageAction, submitMessageAction } from "./message-actions/index.js";
import { answerSharedPolicyFile } from "./policies/policy-file-message.js";
import type { TeamsBotLogic, TeamsTurn } from "./transport/index.js";

/** The Teams bot: messages are commands, card buttons are Universal Actions, installing it says hello. */
export function aimsTeamsBot(ctx: TeamsContext, directory: TeamsDirectory): TeamsBotLogic {
  return {
    async beforeTurn(turn) {
      // Someone reporting a concern anonymously leaves no row or timestamp behind (see unlinkable-activity.ts).
      if (!isUnlinkableActivity(turn.activity)) await rememberConversation(ctx, turn);
    },
    afterTurn: (turn) => directory.afterTurn(turn.activity),
    message: async (turn) => {
      if (!(await answerSharedPolicyFile(ctx, turn))) await handleMessage(ctx, turn);
    },
    async membersAdded(turn) {
      const botAdded = turn.activity.membersAdded?.some((member) => member.id === turn.activity.recipient.id);
      if (botAdded) await turn.send(welcomeMessage());
      const installer = turn.activity.from;
      if (botAdded && turn.activity.conversation.conversationType === "personal" && installer?.aadObjectId) {
        // Installed in a personal chat: the person is known from now on, and campaigns for new joiners reach them.
        try {
          await ctx.core.directory.observe({ channel: "teams", id: installer.aadObjectId, name: installer.name ?? null });
          await ctx.core.campaigns.welcome();
        } catch (error) {
          ctx.logger.warn({ err: error }, "could not welcome a person who installed the bot");
        }
      }
    },
    cardAction: (turn, action) => handleCardAction(ctx, turn, action),
    fetchMessageAction: (turn, action) => fetchMessageAction(ctx, turn, action),
    submitMessageAction: (turn, action) => submitMessageAction(ctx, turn, action),
    linkQuery: (turn, query) => linkQuery(ctx, turn, query),
    fileConsent: (turn, answer, response) => (answer === "accept" ? acceptAuditPackUpload(ctx, turn, response) : declineAuditPackUpload(ctx, turn, response)),
  };
}

/** A failure to store the reference must not stop the person's command; the next activity stores it again. */
async function rememberConversation(ctx: TeamsContext, turn: TeamsTurn) {
  try {
    await ctx.conversations.remember(turn.activity);
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not store the Teams conversation reference");
  }
}
