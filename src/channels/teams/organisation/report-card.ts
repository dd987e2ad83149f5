import { adaptiveCard, cardMessage, textBlock } from "../cards/adaptive-card.js";
import type { TextReport } from "../../../features/organisation/text-report.js";

/** A report as an Adaptive Card: the headline, then each part's title in bold over its lines as a list. */
export function reportMessage(report: TextReport, summary = report.headline) {
  const body = [
    textBlock(report.headline),
    ...report.sections.flatMap((section) => [
      textBlock(section.title, { weight: "bolder" }),
      textBlock(section.lines.map((line) => `- ${plain(line)}`).join("\n")),
    ]),
  ];
  return cardMessage(adaptiveCard(body), summary);
}

/** Card text reads markdown: a record's own asterisks and underscores must not turn into emphasis. */
function plain(text: string): string {
  return text.replace(/([*_`[\]])/g, "\\$1");
}
