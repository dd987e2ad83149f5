import { readConcernCommand } from "../../../features/concerns/conversation/concern-command.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { mrkdwn } from "../conversation/block-kit-message.js";
import type { Subcommand } from "../listeners/subcommands/subcommand.js";
import { concernFailure } from "../../../features/concerns/concern-failure.js";
import { followUpSecretModal } from "./follow-up-views.js";
import { openConcernForm, TRIAGE_NOT_CONFIGURED } from "./open-concern-form.js";
import { quietClient } from "./quiet-client.js";

/** `/aims concern` opens the form; `/aims concern follow-up <code>` asks for the secret of an anonymous concern. */
export const concernSubcommand: Subcommand = {
  name: "concern",
  usage: "/aims concern [follow-up <case code>]",
  description: CONCERN_WORDING.commandDescription("With a case code"),
  async handle({ ctx, rest, command, respond }) {
    const tell = async (text: string) => {
      await respond({ response_type: "ephemeral", text });
    };
    try {
      const request = readConcernCommand(rest);
      if (request.kind === "followUp") {
        const { code } = request;
        if (!code) return await tell(mrkdwn(CONCERN_WORDING.addCaseCode));
        await quietClient(ctx).views.open({ trigger_id: command.trigger_id, view: followUpSecretModal(code) });
        return;
      }
      if (!ctx.slack.triageChannel) return await tell(TRIAGE_NOT_CONFIGURED);
      await openConcernForm(ctx, command.trigger_id);
    } catch (error) {
      await tell(concernFailure(error, ctx.logger, "concern command"));
    }
  },
};
