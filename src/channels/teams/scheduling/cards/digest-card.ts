import type { DigestLine, DigestReport } from "../../../../features/digest/digest-report.js";
import { adaptiveCard, textBlock, type AdaptiveCard, type CardElement } from "../../cards/adaptive-card.js";

function change(line: DigestLine): string {
  if (line.change === null) return "";
  if (line.change === 0) return " (no change)";
  return ` (${line.change > 0 ? "+" : "−"}${Math.abs(line.change)} since last week)`;
}

const day = (iso: string) => iso.slice(0, 10);

export function digestSummary(report: DigestReport): string {
  return report.quiet ? "AIMS weekly digest: a quiet week, nothing new and nothing overdue." : `AIMS weekly digest ${day(report.from)} to ${day(report.to)}`;
}

/** The weekly manager digest (9.1, 9.3): counts per section with the change since last week; a quiet week in one line. */
export function digestCard(report: DigestReport): AdaptiveCard {
  const body: CardElement[] = [
    textBlock("AIMS weekly digest", { size: "large", weight: "bolder" }),
    textBlock(`Week ${day(report.from)} to ${day(report.to)}`, { subtle: true }),
  ];
  if (report.quiet) return adaptiveCard([...body, textBlock("A quiet week: nothing new, nothing waiting, nothing overdue.")]);
  for (const section of report.sections) {
    body.push(textBlock(`**${section.title}**`), {
      type: "FactSet",
      facts: section.lines.map((line) => ({ title: line.label, value: `**${line.value}**${change(line)}` })),
    });
    if (section.entries?.length) body.push(textBlock(section.entries.map((entry) => `- ${entry}`).join("\r")));
  }
  return adaptiveCard(body);
}
