import type { KnownBlock } from "@slack/types";
import type { TextReport } from "../../../features/organisation/text-report.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";

/** Slack allows 3,000 characters in a section's text. */
const SECTION_TEXT_LIMIT = 3000;

/** A report as Block Kit: the headline, then one section per part with its title in bold and a bullet per line. */
export function reportBlocks(report: TextReport): KnownBlock[] {
  return [
    { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(report.headline) } },
    ...report.sections.map((section): KnownBlock => {
      const text = [`*${escapeMrkdwn(section.title)}*`, ...section.lines.map((line) => `• ${escapeMrkdwn(line)}`)].join("\n");
      return { type: "section", text: { type: "mrkdwn", text: truncate(text, SECTION_TEXT_LIMIT) } };
    }),
  ];
}
