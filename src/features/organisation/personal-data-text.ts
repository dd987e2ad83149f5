import { CHANNEL_NAMES } from "../../core/actor.js";
import { ROLE_NAMES } from "../../core/roles.js";
import type { OpenDuties } from "./open-duties.js";
import type { AccountLine, PersonalData } from "./personal-data.js";
import type { TrainingLine } from "../training/training-records.js";
import type { OpenCampaignLine } from "../policies/open-campaigns.js";
import type { AcknowledgementLine, AssessmentLine, Listed, OwnedLine, ReminderLine, RequestLine, RoleHolding } from "./person-records.js";
import type { ReportSection, TextReport } from "./text-report.js";

/** Said under the named concerns, always: anonymous ones are unlinkable by design, so they cannot be shown. */
export const ANONYMOUS_CONCERNS_NOTE = "Concerns you raised anonymously are not listed: by design nothing links them to you, not even for the bot.";

const NONE = "None.";
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const cut = (text: string, max = 100) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function accountLine(account: AccountLine): string {
  const who = [account.name, account.email].filter(Boolean).join(", ");
  const why = account.linkReason === null ? "not yet in the people directory" : cut(account.linkReason);
  const gone = account.deactivatedAt ? `; deactivated ${day(account.deactivatedAt)} (${cut(account.deactivationReason ?? "", 60)})` : "";
  return `${CHANNEL_NAMES[account.channel]} account ${account.externalId}${who ? ` (${who})` : ""}: ${why}${gone}`;
}

function source(holding: RoleHolding): string {
  if (holding.source === "environment") return `from the environment variable ${holding.via}`;
  if (holding.source === "group") return `as a member of ${holding.via}, bound${holding.grantedBy ? ` by ${holding.grantedBy}` : ""}: ${cut(holding.reason)}`;
  return `granted by ${holding.grantedBy ?? "an AIMS owner"}: ${cut(holding.reason)}`;
}

function holdingLine(holding: RoleHolding): string {
  const period = holding.until ? `${day(holding.from)} to ${day(holding.until)}` : `since ${day(holding.from)}`;
  const ended = holding.until && (holding.endedBy || holding.endReason) ? `; ended${holding.endedBy ? ` by ${holding.endedBy}` : ""}${holding.endReason ? `: ${cut(holding.endReason)}` : ""}` : "";
  return `${ROLE_NAMES[holding.role]}, ${period}, ${source(holding)}${ended}`;
}

const requestLine = (request: RequestLine) => `${request.reference} ${cut(request.toolName, 60)} (${request.status.replace("_", " ")})`;
const assessmentLine = (assessment: AssessmentLine) => `${assessment.reference} ${assessment.subject} (${assessment.status.replace("_", " ")})`;
const reminderLine = (reminder: ReminderLine) =>
  `${reminder.kind === "escalation" ? "Escalation" : "Reminder"} about ${reminder.itemId} ${cut(reminder.title, 60)}, due to go out ${day(reminder.sendAt)} in ${CHANNEL_NAMES[reminder.channel]}`;

const acknowledgementLine = (line: AcknowledgementLine) =>
  `${cut(line.title, 60)} version ${line.version}, accepted ${day(line.acknowledgedAt)} in ${CHANNEL_NAMES[line.channel]} (sha256 ${line.sha256.slice(0, 12)}…)`;

const trainingLine = (line: TrainingLine) =>
  `${cut(line.title, 60)} version ${line.version}, passed ${day(line.completedAt)} in ${CHANNEL_NAMES[line.channel]} with ${line.score}%${line.dueAgainAt ? `, due again ${day(line.dueAgainAt)}` : ""}`;

const openCampaignLine = (line: OpenCampaignLine) =>
  `${line.kind === "module" ? "Pass the training" : "Accept"} ${cut(line.title, 60)} version ${line.version} by ${day(line.deadline)} (campaign ${line.campaignId})`;

function ownedLine(dueLabel: string) {
  return (item: OwnedLine) => {
    const details = [item.status?.replace("_", " "), item.dueAt ? `${dueLabel} ${day(item.dueAt)}` : null].filter(Boolean).join(", ");
    return `${item.reference} ${cut(item.title)}${details ? ` (${details})` : ""}`;
  };
}

function listedLines<T>(list: Listed<T>, line: (item: T) => string): string[] {
  if (list.total === 0) return [NONE];
  const more = list.total - list.items.length;
  return [...list.items.map(line), ...(more > 0 ? [`…and ${more} more.`] : [])];
}

/** Open duties list only what there is: an empty section is left out. */
const openLines = <T>(list: Listed<T>, line: (item: T) => string) => (list.total > 0 ? listedLines(list, line) : []);

const lines = (items: readonly string[]) => (items.length > 0 ? [...items] : [NONE]);

/** `/aims me`: what the bot holds about the person who asks, in every section even when empty. */
export function personalDataReport(data: PersonalData): TextReport {
  const sections: ReportSection[] = [
    { title: "Your accounts", lines: data.accounts.map(accountLine) },
    { title: "Roles you hold", lines: lines(data.roles.current.map(holdingLine)) },
    { title: "Roles you held before", lines: lines(data.roles.past.map(holdingLine)) },
    { title: "Your AI tool requests", lines: listedLines(data.requests, requestLine) },
    { title: "Impact assessments you run", lines: listedLines(data.assessments, assessmentLine) },
    { title: "AI systems you own", lines: listedLines(data.systems, ownedLine("next review")) },
    { title: "Objectives you own", lines: listedLines(data.objectives, ownedLine("due")) },
    { title: "Corrective actions you own", lines: listedLines(data.correctiveActions, ownedLine("due")) },
    { title: "Internal audits you audit", lines: listedLines(data.audits, ownedLine("starts")) },
    { title: "Nonconformities you own", lines: listedLines(data.nonconformities, ownedLine("check due")) },
    { title: "AI vendors you own", lines: listedLines(data.vendors, ownedLine("next review")) },
    { title: "Management review actions you own", lines: listedLines(data.reviewActions, ownedLine("due")) },
    { title: "Incidents you reported", lines: listedLines(data.incidents, ownedLine("")) },
    { title: "Concerns you raised with your name", lines: [...listedLines(data.concerns, ownedLine("")), ANONYMOUS_CONCERNS_NOTE] },
    { title: "Reminders waiting to be sent to you", lines: listedLines(data.reminders, reminderLine) },
    { title: "Documents you accepted", lines: listedLines(data.acknowledgements, acknowledgementLine) },
    { title: "Training you passed", lines: listedLines(data.training, trainingLine) },
    { title: "Campaigns still open for you", lines: listedLines(data.openCampaigns, openCampaignLine) },
  ];
  return { headline: "What AIMS holds about you, across your Slack and Teams accounts:", sections };
}

/** What the AIMS owners are told when an account is deactivated: only what is still open, to hand over. */
export function openDutiesReport(duties: OpenDuties): TextReport {
  const { leaver } = duties;
  const who = `${leaver.name ?? "Someone"} (${CHANNEL_NAMES[leaver.channel]} account ${leaver.externalId})`;
  const reason = leaver.deactivationReason ? `: ${cut(leaver.deactivationReason, 80)}` : "";
  const open = [
    { title: "Roles still granted (revoke them or hand them over)", lines: duties.roles.map(holdingLine) },
    { title: "AI systems they own", lines: openLines(duties.systems, ownedLine("next review")) },
    { title: "Reviews they own", lines: openLines(duties.reviews, ownedLine("due")) },
    { title: "Open corrective actions they own", lines: openLines(duties.correctiveActions, ownedLine("due")) },
    { title: "Nonconformities they own, not closed", lines: openLines(duties.nonconformities, ownedLine("check due")) },
    { title: "Open management review actions they own", lines: openLines(duties.reviewActions, ownedLine("due")) },
    { title: "Objectives they own", lines: openLines(duties.objectives, ownedLine("due")) },
    { title: "Internal audits they are the auditor of", lines: openLines(duties.audits, ownedLine("starts")) },
    { title: "AI vendors they own", lines: openLines(duties.vendors, ownedLine("next review")) },
    { title: "Impact assessments they have in progress", lines: openLines(duties.assessments, assessmentLine) },
    { title: "Concerns assigned to them in triage", lines: openLines(duties.concerns, ownedLine("resolve by")) },
    { title: "Reminders still to be sent to them", lines: openLines(duties.reminders, reminderLine) },
  ].filter((section) => section.lines.length > 0);
  const others = duties.otherAccounts.length > 0 ? [{ title: "Their other accounts", lines: duties.otherAccounts.map(accountLine) }] : [];
  const headline =
    open.length > 0
      ? `${who} was deactivated${reason}. They still hold these AIMS duties; please hand them over:`
      : `${who} was deactivated${reason}. They hold no open AIMS duties.`;
  return { headline, sections: [...open, ...others] };
}

/** The one line a notification preview shows. */
export function openDutiesSummary(duties: OpenDuties): string {
  return `${duties.leaver.name ?? duties.leaver.externalId} was deactivated: open AIMS duties to hand over`;
}
