import { context, section, type Message } from "../../../conversation/message.js";
import type { DigestLine, DigestReport } from "../../digest/digest-report.js";
import { SCHEDULING_WORDING } from "./scheduling-wording.js";

const W = SCHEDULING_WORDING.digest;
const day = (iso: string) => iso.slice(0, 10);

function change(line: DigestLine): string {
  if (line.change === null) return "";
  return line.change === 0 ? W.noChange : W.change(line.change);
}

/** The weekly manager digest (9.1, 9.3): counts per section with the change since last week; a quiet week in one line. */
export function digestMessage(report: DigestReport): Message {
  const [from, to] = [day(report.from), day(report.to)];
  return {
    id: "digest",
    title: W.title,
    summary: report.quiet ? W.quietSummary : W.summary(from, to),
    blocks: [
      context(W.week(from, to)),
      ...(report.quiet
        ? [section([W.quiet])]
        : report.sections.map((part) => section([`**${part.title}**`, ...part.lines.map((line) => W.line(line.label, line.value, change(line))), ...(part.entries ?? []).map(W.entry)]))),
    ],
  };
}
