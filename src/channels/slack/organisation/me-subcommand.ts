import { personalData } from "../../../features/organisation/personal-data.js";
import { personalDataReport } from "../../../features/organisation/personal-data-text.js";
import type { Subcommand } from "../listeners/subcommands/subcommand.js";
import { reportBlocks } from "./report-blocks.js";

export const meSubcommand: Subcommand = {
  name: "me",
  usage: "/aims me",
  description: "See what AIMS holds about you: your accounts, roles, requests and the records you own.",
  async handle({ ctx, actor, respond }) {
    const report = personalDataReport(await personalData(ctx.core, actor));
    await respond({ response_type: "ephemeral", text: report.headline, blocks: reportBlocks(report) });
  },
};
