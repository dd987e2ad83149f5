import { auditPackName } from "../../../features/evidence/audit-pack/write-audit-pack.js";
import { markdownMessage } from "../cards/adaptive-card.js";
import type { TeamsCommand } from "../commands/command.js";
import { fileConsentAttachment } from "./file-cards.js";

export const AUDIT_PACK_DESCRIPTION =
  "AIMS audit pack: the Statement of Applicability, the evidence for each Annex A control and the audit-trail head. " +
  "It is built from the records as they stand when you allow it.";

/**
 * `export`: the AIMS owner gets the audit pack as a file. Teams lets a bot send files only in a personal chat, and
 * only after the person allows it (a file consent card); the pack is built and uploaded once they do.
 */
export const exportCommand: TeamsCommand = {
  name: "export",
  description: "AIMS owner: get the audit pack (SoA, evidence per control, audit-trail head) as a .zip file.",
  visibleTo: async (ctx, actor) => (await ctx.core.auditPacks.exportRefusal(actor)) === null,
  async handle({ ctx, turn, actor }) {
    const refusal = await ctx.core.auditPacks.exportRefusal(actor);
    if (refusal) return void (await turn.sendActivity(markdownMessage(refusal)));
    if (turn.activity.conversation.conversationType !== "personal") {
      return void (await turn.sendActivity(markdownMessage("I can send files only in our personal chat: message me **export** there.")));
    }
    const name = `${auditPackName(ctx.core.clock.now())}.zip`;
    const estimate = await ctx.core.auditPacks.estimateZipBytes();
    await turn.sendActivity({ type: "message", attachments: [fileConsentAttachment(name, AUDIT_PACK_DESCRIPTION, estimate)] });
  },
};
