import { actions, context, heading, person, section, type ActionValue, type Block, type Message } from "../../../conversation/message.js";
import { muted } from "../../../conversation/message.js";
import type { PolicyAcknowledgement, PolicyDraft } from "../../../db/generated/client.js";
import { SNOOZE_LABELS, SNOOZE_PERIODS } from "../../reminders/snooze.js";
import type { DocumentInvitationPayload } from "../campaign-payload.js";
import type { CampaignProgress, OverduePerson, PendingCampaign } from "../campaign-service.js";
import type { VersionWithDocument } from "../policy-service.js";
import { POLICY_IDS, SNOOZE_ACTIONS } from "./policy-ids.js";
import { POLICY_WORDING as W } from "./policy-wording.js";

/** A Slack section holds 3,000 characters once `&`, `<` and `>` are escaped: parts are cut to fit that. */
const PART = 2_900;
/** Campaigns in one Teams card; the rest are named by count. */
const CARD_CAMPAIGNS = 5;
/** Documents listed in one view; the rest are named by count. */
const MAX_DOCUMENTS = 25;

/** How long a text is once a chat has escaped it (`&` becomes `&amp;`, `<` and `>` `&lt;` and `&gt;`). */
const escapedLength = (char: string) => (char === "&" ? 5 : char === "<" || char === ">" ? 4 : char.length);

/** The text in parts of at most `limit` escaped characters, cut at a line break or space when one is near. */
export function textParts(text: string, limit = PART): string[] {
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of text) {
    const weight = escapedLength(char);
    if (size + weight > limit) {
      const cut = Math.max(current.lastIndexOf("\n"), current.lastIndexOf(" "));
      const keep = cut > current.length / 2 ? current.slice(0, cut + 1) : current;
      parts.push(keep);
      current = current.slice(keep.length);
      size = [...current].reduce((sum, c) => sum + escapedLength(c), 0);
    }
    current += char;
    size += weight;
  }
  if (current) parts.push(current);
  return parts;
}
/** What a Teams card (28 KB) can hold of a document's text, in escaped UTF-8 bytes, with room for the rest. */
const CARD_BYTES = 16_000;

/** The longest start of the text that stays within `bytes` once escaped and encoded. */
function within(text: string, bytes: number): string {
  let size = 0;
  let end = 0;
  for (const char of text) {
    size += char === "&" ? 5 : char === "<" || char === ">" ? 4 : Buffer.byteLength(char);
    if (size > bytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

const choice = (versionId: number, campaignId: number | null): ActionValue => ({ versionId, ...(campaignId ? { campaignId } : {}) });

function buttons(versionId: number, campaignId: number | null, withRead: boolean, snooze = false) {
  return actions([
    ...(withRead ? [{ label: W.read, action: POLICY_IDS.actions.read, value: choice(versionId, campaignId) }] : []),
    { label: W.accept, action: POLICY_IDS.actions.accept, style: "primary" as const, value: choice(versionId, campaignId) },
    ...(snooze && campaignId ? SNOOZE_PERIODS.map((period) => ({ label: SNOOZE_LABELS[period], action: SNOOZE_ACTIONS[period], value: { campaignId } })) : []),
  ]);
}

/** The direct message a campaign sends each person: the summary, the full text on demand, Accept; a reminder can be snoozed. */
export function invitationView(payload: DocumentInvitationPayload): Message {
  const deadline = new Date(payload.deadline);
  return {
    title: W.readTitle,
    summary: W.invitationSummary(payload.title, payload.version, deadline),
    blocks: [
      ...(payload.reminder ? [section([W.reminderHeading], { tone: "warning" as const })] : []),
      heading(`${payload.title} (version ${payload.version})`),
      section([payload.summary]),
      section([W.acceptBy(deadline)]),
      buttons(payload.versionId, payload.campaignId, true, payload.reminder === true),
    ],
  };
}

/** The whole document, in parts, with Accept under it. */
export function fullTextView(version: VersionWithDocument, campaignId: number | null, roomy: boolean): Message {
  const text = roomy ? version.body : within(version.body, CARD_BYTES);
  const parts: Block[] = textParts(text).map((part) => section([part]));
  return {
    title: W.readTitle,
    summary: `${version.document.title} (version ${version.version})`,
    blocks: [
      heading(`${version.document.title} (version ${version.version})`),
      section([`_${version.summary}_`]),
      ...parts,
      ...(text.length < version.body.length ? [context(W.truncated)] : []),
      buttons(version.id, campaignId, false),
    ],
  };
}

/** What the person sees once they accepted: when, and the fingerprint of the text they accepted. */
export function acceptedView(version: VersionWithDocument, acknowledgement: PolicyAcknowledgement): Message {
  return {
    title: W.acceptedTitle,
    summary: `${version.document.title} (version ${version.version}) accepted`,
    blocks: [
      section([W.accepted(version.document.title, version.version, acknowledgement.acknowledgedAt)], { tone: "good" }),
      context(W.acceptedSmallPrint(acknowledgement.sha256)),
    ],
  };
}

/** `/aims policy`: what the person has to accept; for AIMS owners also the documents and the Publish button. */
export function policiesView(pending: PendingCampaign[], documents: VersionWithDocument[] | null): Message {
  const blocks: Block[] = [section([pending.length === 0 ? W.nothingToAccept : W.toAccept(pending.length)])];
  for (const { campaign, version } of pending) {
    blocks.push(section([W.documentLine(version.document.title, version.version, version.publishedAt, true), muted(W.acceptBy(campaign.deadline))]));
    blocks.push(buttons(version.id, campaign.id, true));
  }
  if (documents) {
    blocks.push(heading("Published documents"));
    blocks.push(
      ...(documents.length === 0
        ? [section([W.noDocuments])]
        : documents.slice(0, MAX_DOCUMENTS).map((version) => section([W.documentLine(version.document.title, version.version, version.publishedAt, version.requiresAcknowledgement), muted(`sha256 ${version.sha256.slice(0, 12)}…`)]))),
    );
    if (documents.length > MAX_DOCUMENTS) blocks.push(context(W.moreDocuments(documents.length - MAX_DOCUMENTS)));
  }
  return {
    title: W.policiesTitle,
    summary: pending.length === 0 ? W.nothingToAccept : W.toAccept(pending.length),
    blocks,
    ...(documents
      ? { actions: [{ label: W.publishButton, action: POLICY_IDS.actions.publish }, { label: W.startButton, action: POLICY_IDS.actions.startCampaign }] }
      : {}),
  };
}

const named = (people: OverduePerson[]) => people.map((who) => person(who));

/** `/aims campaign`: each campaign's completion by channel, and who is late (or has not accepted yet). */
export function campaignsView(campaigns: { progress: CampaignProgress; waiting: OverduePerson[] }[], now: Date, roomy: boolean): Message {
  const blocks: Block[] = campaigns.length === 0 ? [section([W.noCampaigns])] : [];
  // A Teams card holds about 28 KB: the newest campaigns, and how many more there are.
  const shown = roomy ? campaigns : campaigns.slice(0, CARD_CAMPAIGNS);
  for (const { progress, waiting } of shown) {
    const { campaign } = progress;
    blocks.push(
      section([
        W.campaignLine(campaign.id, campaign.subject, campaign.audienceLabel),
        W.completion(campaign.subject, progress.accepted, progress.recipients, campaign.deadline, campaign.closedAt !== null),
        muted(W.byChannel(progress.byChannel, progress.sent, progress.failed)),
      ]),
    );
    const left = progress.recipients - progress.accepted;
    if (left > 0 && waiting.length > 0) {
      const late = campaign.deadline < now;
      blocks.push(section([late ? W.overdue(left, named(waiting)) : W.waiting(campaign.subject, left, named(waiting))], late ? { tone: "warning" } : {}));
    }
  }
  if (shown.length < campaigns.length) blocks.push(context(W.moreCampaigns(campaigns.length - shown.length)));
  return {
    title: W.campaignsTitle,
    summary: campaigns.length === 0 ? W.noCampaigns : `${campaigns.length} policy campaign${campaigns.length === 1 ? "" : "s"}`,
    blocks,
    actions: [{ label: W.startButton, action: POLICY_IDS.actions.startCampaign }, { label: W.publishButton, action: POLICY_IDS.actions.publish }],
  };
}

/** How much of a shared document its preview shows (escaped UTF-8 bytes): a start to check it is the right file. */
const PREVIEW_BYTES = 2_500;

/** The preview of a Markdown file an AIMS owner shared: title, summary, the start of the text, and Publish. */
export function draftPreviewView(draft: PolicyDraft): Message {
  const start = within(draft.body, PREVIEW_BYTES);
  return {
    title: W.previewTitle,
    summary: `${W.previewTitle}: ${draft.title || draft.fileName}`,
    blocks: [
      section([W.preview(draft.fileName)]),
      ...(draft.title ? [heading(draft.title)] : []),
      ...(draft.summary ? [section([`_${draft.summary}_`])] : []),
      ...textParts(start).map((part) => section([part])),
      ...(start.length < draft.body.length ? [context(W.previewMore(draft.body.length - start.length))] : []),
      actions([{ label: W.publishFile, action: POLICY_IDS.actions.publishDraft, style: "primary", value: { draftId: draft.id } }]),
    ],
  };
}
