import { type Block, type Button, day, fields, type Message, person, section, truncate } from "../../../conversation/message.js";
import type { Improvement, Nonconformity } from "../../../db/generated/client.js";
import { optionLabel } from "../../incidents/form-text.js";
import { IMPROVEMENT_STATUSES } from "../nonconformity-form.js";
import type { NonconformityDetails } from "../nonconformity-records.js";
import { NC_IDS } from "./nc-ids.js";
import { NC_WORDING as W } from "./nc-wording.js";

/** How much a view shows: a Slack modal holds 100 blocks, a Teams card about 28 KB. */
const sizes = (roomy: boolean) => (roomy ? { shown: 20, text: 2900, line: 300, lines: 20 } : { shown: 8, text: 600, line: 200, lines: 5 });

const titled = (title: string, lines: string[], max = 2900): Block => section([`**${title}**`, truncate(lines.join("\n"), max)]);
/** The first `lines` lines, and how many more there are. */
const firstOf = (lines: string[], shown: number) => (lines.length > shown ? [...lines.slice(0, shown), W.more(lines.length - shown)] : lines);
const ownerOf = (nc: Pick<Nonconformity, "ownerChannel" | "ownerId" | "ownerName">) => person({ channel: nc.ownerChannel, id: nc.ownerId, name: nc.ownerName });

function statusText(nc: Nonconformity): string {
  if (nc.status === "checking" && nc.checkDueAt) return `${W.status.checking} (due ${day(nc.checkDueAt)})`;
  if (nc.status === "closed" && nc.closedAt) return `${W.status.closed} on ${day(nc.closedAt)}`;
  return W.status[nc.status] ?? nc.status;
}

const sourceText = (nc: Nonconformity) => (nc.sourceRef ? `${W.sources[nc.sourceKind]} ${nc.sourceRef}` : W.sources[nc.sourceKind]);

/** The nonconformities not closed, each with a button to open it. */
export function ncListView(open: readonly Nonconformity[], closed: number, roomy = true): Message {
  const size = sizes(roomy);
  const blocks: Block[] = open.length === 0 ? [section([W.noneOpen])] : [];
  for (const nc of open.slice(0, size.shown)) {
    blocks.push(
      section([`**${nc.reference}** ${truncate(nc.description, size.line)}`, { text: `${statusText(nc)} · ${W.fields.owner.toLowerCase()} ${ownerOf(nc)} · ${W.fields.source.toLowerCase()} ${sourceText(nc)}`, muted: true }], {
        id: `nc:${nc.reference}`,
        button: { label: W.openButton, action: NC_IDS.show, value: { reference: nc.reference } },
      }),
    );
  }
  if (open.length > size.shown) blocks.push(section([{ text: W.more(open.length - size.shown), muted: true }]));
  if (closed > 0) blocks.push(section([{ text: W.closedCount(closed), muted: true }]));
  return {
    id: "nc.list",
    title: W.listTitle,
    summary: W.listSummary(open.length),
    blocks,
    actions: [
      { label: W.raiseButton, action: NC_IDS.raiseForm, style: "primary" },
      { label: W.improvementsButton, action: NC_IDS.improvements },
    ],
  };
}

/** One nonconformity: its analysis, corrective actions (open ones with Mark done), checks and improvements. */
export function ncView(nc: NonconformityDetails, roomy = true): Message {
  const size = sizes(roomy);
  const value = { reference: nc.reference };
  const blocks: Block[] = [
    fields([
      { label: W.fields.status, value: statusText(nc) },
      { label: W.fields.owner, value: ownerOf(nc) },
      { label: W.fields.source, value: sourceText(nc) },
      { label: W.fields.raisedBy, value: `${person({ channel: nc.raisedByChannel, id: nc.raisedById, name: nc.raisedByName })}, ${day(nc.createdAt)}` },
    ]),
    titled(W.whatIsWrong, [nc.description], size.text),
    titled(W.reaction, [nc.reaction ?? W.notYet], size.text),
    titled(W.rootCause, [nc.rootCause ?? W.notYet], size.text),
    section([`**${W.actions}**`, ...(nc.correctiveActions.length === 0 ? [W.noActions] : [])]),
  ];
  // Open actions first: their Mark done buttons must be there.
  const actions = [...nc.correctiveActions.filter((action) => action.status === "open"), ...nc.correctiveActions.filter((action) => action.status !== "open")];
  for (const action of actions.slice(0, size.shown)) {
    const line = W.action(truncate(action.description, size.line), person({ channel: action.ownerChannel, id: action.ownerId, name: action.ownerName }), day(action.dueDate), action.status);
    const button: Button | undefined = action.status === "open" ? { label: W.doneButton, action: NC_IDS.actionDone, value: { reference: nc.reference, action: action.id } } : undefined;
    blocks.push(section([line], { id: `nc-action:${action.id}`, ...(button ? { button } : {}) }));
  }
  if (actions.length > size.shown) blocks.push(section([{ text: W.more(actions.length - size.shown), muted: true }]));
  if (nc.checks.length > 0) {
    const checks = [...nc.checks].reverse().map((check) => W.check(check.effective, person({ channel: check.checkerChannel, id: check.checkerId, name: check.checkerName }), day(check.checkedAt), truncate(check.note, size.line)));
    blocks.push(titled(W.checks, firstOf(checks, size.lines)));
  }
  if (nc.improvements.length > 0) {
    const lines = nc.improvements.map((improvement) => W.improvementLine(improvement.reference, truncate(improvement.title, size.line), optionLabel(IMPROVEMENT_STATUSES, improvement.status)));
    blocks.push(titled(W.improvements, firstOf(lines, size.lines)));
  }
  const open = nc.status !== "closed";
  const buttons: Button[] = [
    ...(open ? [{ label: W.analysisButton, action: NC_IDS.analysisForm, value }, { label: W.actionButton, action: NC_IDS.actionForm, value }] : []),
    ...(nc.status === "checking" ? [{ label: W.checkButton, action: NC_IDS.checkForm, value, style: "primary" as const }] : []),
    { label: W.improvementButton, action: NC_IDS.improvementFromNcForm, value },
    { label: W.allButton, action: NC_IDS.list },
  ];
  return { id: "nc.view", title: nc.reference, summary: `${nc.reference}: ${truncate(nc.description, 100)}`, blocks, actions: buttons };
}

/** The continual-improvement log, each with its status and a button to change it. */
export function improvementsView(improvements: readonly Improvement[], notice?: string, roomy = true): Message {
  const size = sizes(roomy);
  const blocks: Block[] = notice ? [section([notice], { tone: "good" })] : [];
  if (improvements.length === 0) blocks.push(section([W.noImprovements]));
  for (const improvement of improvements.slice(0, size.shown)) {
    const from = improvement.statusNote ? ` (${truncate(improvement.statusNote, size.line)})` : "";
    blocks.push(
      section([W.improvementLine(improvement.reference, truncate(improvement.title, 150), optionLabel(IMPROVEMENT_STATUSES, improvement.status) + from), { text: truncate(improvement.description, size.line), muted: true }], {
        id: `improvement:${improvement.reference}`,
        button: { label: W.changeStatusButton, action: NC_IDS.improvementStatusForm, value: { reference: improvement.reference } },
      }),
    );
  }
  if (improvements.length > size.shown) blocks.push(section([{ text: W.more(improvements.length - size.shown), muted: true }]));
  return {
    id: "improvements.list",
    title: W.improvementsTitle,
    summary: W.improvementsSummary(improvements.length),
    blocks,
    actions: [
      { label: W.addImprovementButton, action: NC_IDS.improvementForm, style: "primary" },
      { label: W.allButton, action: NC_IDS.list },
    ],
  };
}
