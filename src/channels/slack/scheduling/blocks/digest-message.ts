import type { KnownBlock } from "../../blocks/types.js";
import type { DigestLine, DigestReport } from "../../../../features/digest/digest-report.js";

function change(line: DigestLine): string {
  if (line.change === null) return "";
  if (line.change === 0) return " (no change)";
  return ` (${line.change > 0 ? "+" : "−"}${Math.abs(line.change)} since last week)`;
}

const day = (iso: string) => iso.slice(0, 10);

export function digestText(report: DigestReport): string {
  return report.quiet ? `AIMS weekly digest: a quiet week, nothing new and nothing overdue.` : `AIMS weekly digest ${day(report.from)} to ${day(report.to)}`;
}

/** The weekly manager digest: counts per section with the change since last week; a quiet week in one line. */
export function digestBlocks(report: DigestReport): KnownBlock[] {
  const header: KnownBlock = { type: "header", text: { type: "plain_text", text: "AIMS weekly digest" } };
  const period: KnownBlock = { type: "context", elements: [{ type: "mrkdwn", text: `Week ${day(report.from)} to ${day(report.to)}` }] };
  if (report.quiet) return [header, period, { type: "section", text: { type: "mrkdwn", text: "A quiet week: nothing new, nothing waiting, nothing overdue." } }];
  return [
    header,
    period,
    ...report.sections.map(
      (section): KnownBlock => ({
        type: "section",
        text: {
          type: "mrkdwn",
          text: [`*${section.title}*`, ...section.lines.map((line) => `• ${line.label}: *${line.value}*${change(line)}`), ...(section.entries ?? []).map((entry) => `    ◦ ${entry}`)].join("\n"),
        },
      }),
    ),
  ];
}
