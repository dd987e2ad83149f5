import { auditPackName } from "../../../features/evidence/audit-pack/write-audit-pack.js";
import { EXPORT_WORDING as W } from "../../../features/evidence/conversation/export-wording.js";
import { markdownMessage } from "../cards/adaptive-card.js";
import type { TeamsCommand } from "../commands/command.js";
import { fileConsentAttachment } from "./file-cards.js";


/**
 * `export`: the AIMS owner gets the audit pack as a file. Teams lets a bot send files only in a personal chat, and
 * only after the person allows it (a file consent card); the pack is built and uploaded once they do.
 */
export const exportCommand: TeamsCommand = {
  name: "export",
  description: W.commandDescription,
  visibleTo: async (ctx, actor) => (await ctx.core.auditPacks.exportRefusal(actor)) === null,
  async handle({ ctx, turn, actor }) {
    const refusal = await ctx.core.auditPacks.exportRefusal(actor);
    if (refusal) return void (await turn.send(markdownMessage(refusal)));
    if (turn.activity.conversation.conversationType !== "personal") {
      return void (await turn.send(markdownMessage(W.personalChatOnly)));
    }
    const name = `${auditPackName(ctx.core.clock.now())}.zip`;
    const estimate = await ctx.core.auditPacks.estimateZipBytes();
    await turn.send({ type: "message", attachments: [fileConsentAttachment(name, W.consentDescription, estimate)] });
  },
};
