import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { auditPackSummary } from "../../../features/evidence/audit-pack-service.js";
import { EXPORT_WORDING as W } from "../../../features/evidence/conversation/export-wording.js";
import type { Subcommand } from "../listeners/subcommands/subcommand.js";

/**
 * `/aims export`: the AIMS owner gets the audit pack (.zip) as a file in a DM. It is built in a temporary folder and
 * removed after the upload; the export itself is recorded in the audit trail.
 */
export const exportSubcommand: Subcommand = {
  name: "export",
  usage: "/aims export",
  description: W.commandDescription,
  visibleTo: async (ctx, actor) => (await ctx.core.auditPacks.exportRefusal(actor)) === null,
  async handle({ ctx, actor, client, respond }) {
    const refusal = await ctx.core.auditPacks.exportRefusal(actor);
    if (refusal) {
      await respond({ response_type: "ephemeral", text: refusal });
      return;
    }
    await respond({ response_type: "ephemeral", text: W.building });
    const workDir = await mkdtemp(path.join(os.tmpdir(), "aims-export-"));
    try {
      const result = await ctx.core.auditPacks.exportFor(actor, { outDir: workDir });
      if (result.kind === "forbidden") {
        await respond({ response_type: "ephemeral", text: result.message });
        return;
      }
      const { pack } = result;
      const dm = await client.conversations.open({ users: actor.id });
      await client.files.uploadV2({
        channel_id: dm.channel!.id!,
        file: createReadStream(pack.zipPath),
        filename: `${pack.name}.zip`,
        title: W.fileTitle,
        initial_comment: auditPackSummary(pack).join("\n"),
      });
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  },
};
