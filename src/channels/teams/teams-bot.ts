import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type FileConsentCardResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TurnContext,
} from "botbuilder";
import { handleCardAction } from "./actions/index.js";
import { handleMessage, welcomeMessage } from "./commands/index.js";
import type { TeamsContext } from "./context.js";
import { isUnlinkableActivity } from "./concerns/unlinkable-activity.js";
import type { TeamsDirectory } from "./directory/teams-directory.js";
import { acceptAuditPackUpload, declineAuditPackUpload } from "./evidence/export-consent.js";
import { fetchMessageAction, submitMessageAction } from "./message-actions/index.js";

/** The Teams bot: messages are commands, card buttons are Universal Actions, installing it says hello. */
export class AimsTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly ctx: TeamsContext,
    directory: TeamsDirectory,
  ) {
    super();
    this.onTurn(async (turn, next) => {
      // Someone reporting a concern anonymously leaves no row or timestamp behind (see unlinkable-activity.ts).
      if (!isUnlinkableActivity(turn.activity)) await this.rememberConversation(turn);
      await next();
      directory.afterTurn(turn.activity);
    });
    this.onMessage(async (turn, next) => {
      await handleMessage(ctx, turn);
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      const botAdded = turn.activity.membersAdded?.some((member) => member.id === turn.activity.recipient.id);
      if (botAdded) await turn.sendActivity(welcomeMessage());
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
      await next();
    });
  }

  protected override onAdaptiveCardInvoke(turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return handleCardAction(this.ctx, turn, value);
  }

  protected override handleTeamsMessagingExtensionFetchTask(turn: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return fetchMessageAction(this.ctx, turn, action);
  }

  protected override handleTeamsMessagingExtensionSubmitAction(turn: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return submitMessageAction(this.ctx, turn, action);
  }

  protected override handleTeamsFileConsentAccept(turn: TurnContext, response: FileConsentCardResponse): Promise<void> {
    return acceptAuditPackUpload(this.ctx, turn, response);
  }

  protected override handleTeamsFileConsentDecline(turn: TurnContext, response: FileConsentCardResponse): Promise<void> {
    return declineAuditPackUpload(this.ctx, turn, response);
  }

  /** A failure to store the reference must not stop the person's command; the next activity stores it again. */
  private async rememberConversation(turn: TurnContext) {
    try {
      await this.ctx.conversations.remember(turn.activity);
    } catch (error) {
      this.ctx.logger.warn({ err: error }, "could not store the Teams conversation reference");
    }
  }
}
