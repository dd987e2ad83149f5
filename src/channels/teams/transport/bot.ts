import {
  TeamsActivityHandler,
  type AppBasedLinkQuery,
  type MessagingExtensionResponse,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type FileConsentCardResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TurnContext,
} from "botbuilder";
import type { CardInvokeResponse, FileConsentResponse, LinkQuery, LinkUnfurlResponse, MessageAction, MessageActionResponse } from "./activity.js";
import { turnOf, type TeamsTurn } from "./turn.js";

/** A card button (Action.Execute): its verb and its data, with the card's inputs merged in. */
export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
}

/**
 * What the bot does with each kind of activity, in our own types: the Teams code implements this (teams-bot.ts) and
 * the transport calls it. Invokes are answered with what their handler returns.
 */
export interface TeamsBotLogic {
  /** Every activity, first. */
  beforeTurn(turn: TeamsTurn): Promise<void>;
  /** Every activity, once it was handled (and answered, for invokes that answer in the turn). */
  afterTurn(turn: TeamsTurn): void;
  message(turn: TeamsTurn): Promise<void>;
  /** A conversationUpdate naming members added (the bot itself, on install). */
  membersAdded(turn: TeamsTurn): Promise<void>;
  /** `adaptiveCard/action`. */
  cardAction(turn: TeamsTurn, action: CardAction): Promise<CardInvokeResponse>;
  /** `composeExtension/fetchTask`: a message action opens its dialog. */
  fetchMessageAction(turn: TeamsTurn, action: MessageAction): Promise<MessageActionResponse>;
  /** `composeExtension/submitAction`: the dialog is submitted. */
  submitMessageAction(turn: TeamsTurn, action: MessageAction): Promise<MessageActionResponse>;
  /** `composeExtension/queryLink`: a link to one of the manifest's domains was pasted (link unfurling). */
  linkQuery(turn: TeamsTurn, query: LinkQuery): Promise<LinkUnfurlResponse>;
  /** `fileConsent/invoke`, Allow or Decline. */
  fileConsent(turn: TeamsTurn, answer: "accept" | "decline", response: FileConsentResponse): Promise<void>;
}

/** botbuilder's TeamsActivityHandler dispatching to `logic`: it parses and checks invokes and answers them. */
export class BotbuilderBot extends TeamsActivityHandler {
  constructor(private readonly logic: TeamsBotLogic) {
    super();
    this.onTurn(async (context, next) => {
      const turn = turnOf(context);
      await logic.beforeTurn(turn);
      await next();
      logic.afterTurn(turn);
    });
    this.onMessage(async (context, next) => {
      await logic.message(turnOf(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await logic.membersAdded(turnOf(context));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const action = { verb: value.action.verb, data: (value.action.data ?? {}) as Record<string, unknown> };
    return (await this.logic.cardAction(turnOf(context), action)) as AdaptiveCardInvokeResponse;
  }

  protected override async handleTeamsMessagingExtensionFetchTask(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return (await this.logic.fetchMessageAction(turnOf(context), action as MessageAction)) as MessagingExtensionActionResponse;
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return (await this.logic.submitMessageAction(turnOf(context), action as MessageAction)) as MessagingExtensionActionResponse;
  }

  protected override async handleTeamsAppBasedLinkQuery(context: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    return (await this.logic.linkQuery(turnOf(context), { url: query.url })) as MessagingExtensionResponse;
  }

  protected override handleTeamsFileConsentAccept(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    return this.logic.fileConsent(turnOf(context), "accept", response as FileConsentResponse);
  }

  protected override handleTeamsFileConsentDecline(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    return this.logic.fileConsent(turnOf(context), "decline", response as FileConsentResponse);
  }
}
