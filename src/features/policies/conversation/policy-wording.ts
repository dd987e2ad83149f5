import { CHANNEL_NAMES, type ChatChannel } from "../../../core/actor.js";
import { command, day, moment } from "../../../conversation/message.js";
import type { CampaignSubject } from "../campaign-subject.js";
import { DRAFT_KEPT_DAYS } from "../policy-service.js";
import { DOCUMENT_GONE } from "../campaign-snooze.js";

/** What a recipient does: accept a document, pass a module. */
const done = (subject: CampaignSubject) => (subject.kind === "module" ? "passed" : "accepted");
const asked = (subject: CampaignSubject) => (subject.kind === "module" ? `training ${subject.title} version ${subject.version}` : `${subject.title} version ${subject.version}`);

/** Everything the policy conversation says, in both chats. */
export const POLICY_WORDING = {
  policyCommand: "Documents to read and accept (AI policy); AIMS owners publish them",
  campaignCommand: "AIMS owners: start a policy campaign and see who has accepted",
  publishTitle: "Publish a document",
  publish: "Publish",
  publishButton: "Publish a document",
  startTitle: "Start a campaign",
  start: "Start",
  startButton: "Start a campaign",
  starting: "Starting the campaign: the bot is adding everyone it goes to…",
  cancel: "Cancel",
  title: "Title",
  titleHint: "The same title publishes a new version of that document",
  summary: "Summary",
  summaryHint: "What people read first, in a few sentences",
  body: "The document (Markdown)",
  bodyHint: "Up to 3,000 characters here; longer documents with npm run policy:publish -- FILE",
  again: "Everyone must accept this version again",
  againLabel: "Acceptance",
  document: "Document or training module",
  audience: "Who must accept it",
  everyone: "Everyone the bot knows",
  assigned: "Training: whom the module is assigned to",
  moduleOption: (title: string, version: number) => `Training: ${title} (version ${version})`,
  role: (name: string) => `Every ${name}`,
  group: (name: string, channel: ChatChannel) => `${name} (${CHANNEL_NAMES[channel]} ${channel === "slack" ? "user group" : "team"})`,
  systemUsers: "The people using an AI system (choose it below)",
  system: "AI system",
  systemHint: "For “the people using an AI system”: the register's recorded users of this system",
  deadline: "Accept by",
  newJoiners: "New joiners",
  newJoinersOption: "Also send it to people who join later, on arrival",
  readTitle: "Policy to accept",
  read: "Read the full text",
  accept: "I have read and accept",
  invitationSummary: (title: string, version: number, deadline: Date) => `Please read and accept ${title} (version ${version}) by ${day(deadline)}`,
  reminderHeading: "⏰ Reminder: the deadline has passed",
  snoozed: (until: Date, left: string) => `💤 Snoozed: I'll remind you again on ${moment(until)}. ${left}`,
  acceptBy: (deadline: Date) => `Please accept by **${day(deadline)}**.`,
  acceptedTitle: "Accepted",
  accepted: (title: string, version: number, at: Date) => `✅ You accepted **${title}** (version ${version}) on ${moment(at)}.`,
  alreadyAccepted: (title: string, version: number, at: Date) => `You already accepted ${title} (version ${version}) on ${moment(at)}; it is recorded once.`,
  acceptedSmallPrint: (sha256: string) => `Recorded once, with the text's fingerprint (sha256 ${sha256.slice(0, 12)}…).`,
  outdated: (title: string, clicked: number, current: number) =>
    `This message is about version ${clicked} of ${title}; the current version is ${current}. Read and accept it with ${command("policy")}.`,
  unknownVersion: DOCUMENT_GONE,
  truncated: "The rest of the document is too long for this card: ask an AIMS owner for the file.",
  noDocuments: `No document has been published yet. An AIMS owner publishes one with ${command("policy publish")}.`,
  noDocumentsToCampaign: `Publish a document first, with ${command("policy publish")}.`,
  policiesTitle: "Policies",
  nothingToAccept: "You have nothing to accept. Thank you!",
  moreCampaigns: (count: number) => `…and ${count} older campaign${count === 1 ? "" : "s"}, shown in Slack.`,
  moreDocuments: (count: number) => `…and ${count} more documents.`,
  toAccept: (count: number) => `You have ${count} document${count === 1 ? "" : "s"} to accept:`,
  documentLine: (title: string, version: number, published: Date, again: boolean) =>
    `**${title}**, version ${version}, published ${day(published)}${again ? "" : " (earlier acceptances still stand)"}`,
  published: (title: string, version: number, sha256: string) =>
    `Published ${title} version ${version} (sha256 ${sha256.slice(0, 12)}…). Ask people to accept it with ${command("campaign start")}.`,
  unchanged: (title: string, version: number) => `${title} version ${version} already has exactly this text: nothing new was published.`,
  started: (id: number, subject: CampaignSubject, audience: string, recipients: number, deadline: Date) =>
    `Campaign ${id} started: ${asked(subject)} to ${audience} (${recipients} ${recipients === 1 ? "person" : "people"}), ${subject.kind === "module" ? "to pass" : "to accept"} by ${day(deadline)}. Follow it with ${command("campaign")}.`,
  previewTitle: "Document to publish",
  preview: (fileName: string) => `Preview of **${fileName}**. Check it, then publish it: the form is filled in from the file.`,
  previewMore: (characters: number) => `…and ${characters.toLocaleString("en")} more characters, published in full.`,
  publishFile: "Publish…",
  publishFileTitle: "Publish the shared document",
  draftGone: `That file was already published, was left unpublished for more than ${DRAFT_KEPT_DAYS} days, or was not shared by you. Share the file again to publish it.`,
  fileNotMarkdown: (name: string) => `${name} is not a Markdown file: share the document as a .md file (text/markdown) to publish it.`,
  fileTooLarge: (name: string, maxKb: number) => `${name} is larger than ${maxKb} KB, the most the bot takes: shorten it, or publish it with npm run policy:publish -- FILE.`,
  fileEmpty: (name: string) => `${name} is empty: there is nothing to publish.`,
  fileNotText: (name: string) => `${name} is not readable text (UTF-8 Markdown): save it as Markdown and share it again.`,
  fileUnreadable: (name: string) => `I could not download ${name}. Please share it again in a moment.`,
  fileFailed: "I could not read that file. Please share it again in a moment.",
  campaignsTitle: "Policy campaigns",
  noCampaigns: `No campaign yet. Start one with ${command("campaign start")}.`,
  campaignLine: (id: number, subject: CampaignSubject, audience: string) =>
    `**Campaign ${id}: ${subject.kind === "module" ? "training " : ""}${subject.title} v${subject.version}** to ${audience}`,
  completion: (subject: CampaignSubject, accepted: number, recipients: number, deadline: Date, closed: boolean) =>
    `${accepted} of ${recipients} ${done(subject)} (${recipients === 0 ? 0 : Math.round((accepted / recipients) * 100)}%), deadline ${day(deadline)}${closed ? ", closed" : ""}`,
  byChannel: (parts: { channel: ChatChannel; accepted: number; recipients: number }[], sent: number, failed: number) =>
    `${parts.map((part) => `${CHANNEL_NAMES[part.channel]} ${part.accepted}/${part.recipients}`).join(" · ")} · messages sent ${sent}${failed ? `, could not send ${failed}` : ""}`,
  overdue: (count: number, names: string[]) => `⚠️ Overdue (${count}): ${names.join(", ")}${count > names.length ? ` and ${count - names.length} more` : ""}`,
  waiting: (subject: CampaignSubject, count: number, names: string[]) => `Not yet ${done(subject)} (${count}): ${names.join(", ")}${count > names.length ? ` and ${count - names.length} more` : ""}`,
} as const;
