import { randomUUID } from "node:crypto";
import { readConcernCommand } from "../../../features/concerns/conversation/concern-command.js";
import { cardMessage, markdownMessage } from "../cards/adaptive-card.js";
import { typedText, type TeamsCommand } from "../commands/command.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { teamsText } from "../conversation/adaptive-card-message.js";
import { concernFormCard } from "./concern-form-card.js";
import { followUpSecretCard } from "./reporter-cards.js";

export const PERSONAL_CHAT_ONLY = teamsText(CONCERN_WORDING.personalChatOnly);
export const TRIAGE_NOT_CONFIGURED = CONCERN_WORDING.notSetUp("TEAMS_TRIAGE_CONVERSATION");

/**
 * `concern` answers with the form; `concern follow-up <code>` asks for the secret of an anonymous concern. Both
 * only in a personal chat: a card in a channel would show the report, and the code and secret, to everyone.
 */
export const concernCommand: TeamsCommand = {
  name: "concern",
  description: CONCERN_WORDING.commandDescription("`concern follow-up <case code>`"),
  async handle({ ctx, turn }) {
    const tell = (text: string) => turn.send(markdownMessage(text));
    if (turn.activity.conversation?.conversationType !== "personal") return void (await tell(PERSONAL_CHAT_ONLY));
    const text = typedText(turn.activity);
    const rest = text.replace(/^concern\b/i, "").trim();
    try {
      const request = readConcernCommand(rest);
      if (request.kind === "followUp") {
        const { code } = request;
        if (!code) return void (await tell(teamsText(CONCERN_WORDING.addCaseCode)));
        await turn.send(cardMessage(followUpSecretCard(code), CONCERN_WORDING.anonymousReporter.followUpTitle));
        return;
      }
      if (!ctx.teams.triageConversation) return void (await tell(TRIAGE_NOT_CONFIGURED));
      const register = await ctx.core.concerns.registerChoices();
      await turn.send(cardMessage(concernFormCard({ formId: randomUUID(), register }), CONCERN_WORDING.form.title));
    } catch (error) {
      await tell(concernFailure(error, ctx.logger, "teams concern command"));
    }
  },
};
