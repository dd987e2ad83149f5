import { actions, context, heading, person, section, type ActionValue, type Block, type Message } from "../../../conversation/message.js";
import { muted } from "../../../conversation/message.js";
import type { PolicyAcknowledgement } from "../../../db/generated/client.js";
import type { CampaignInvitationPayload } from "../campaign-payload.js";
import type { CampaignProgress, OverduePerson, PendingCampaign } from "../campaign-service.js";
import type { VersionWithDocument } from "../policy-service.js";
import { POLICY_IDS } from "./policy-ids.js";
import { POLICY_WORDING as W } from "./policy-wording.js";

/** A Slack section holds 3,000 characters: the text is shown in parts a little shorter. */
const PART = 2_800;
/** What a Teams card can hold of a document's text, with room for the rest of the card. */
const CARD_TEXT = 14_000;

const choice = (versionId: number, campaignId: number | null): ActionValue => ({ versionId, ...(campaignId ? { campaignId } : {}) });

function buttons(versionId: number, campaignId: number | null, withRead: boolean) {
  return actions([
    ...(withRead ? [{ label: W.read, action: POLICY_IDS.actions.read, value: choice(versionId, campaignId) }] : []),
    { label: W.accept, action: POLICY_IDS.actions.accept, style: "primary" as const, value: choice(versionId, campaignId) },
  ]);
}

/** The direct message a campaign sends each person: the summary, the full text on demand, and Accept. */
export function invitationView(payload: CampaignInvitationPayload): Message {
  const deadline = new Date(payload.deadline);
  return {
    title: W.readTitle,
    summary: W.invitationSummary(payload.title, payload.version, deadline),
    blocks: [
      ...(payload.reminder ? [section([W.reminderHeading], { tone: "warning" as const })] : []),
      heading(`${payload.title} (version ${payload.version})`),
      section([payload.summary]),
      section([W.acceptBy(deadline)]),
      buttons(payload.versionId, payload.campaignId, true),
    ],
  };
}

/** The whole document, in parts, with Accept under it. */
export function fullTextView(version: VersionWithDocument, campaignId: number | null, roomy: boolean): Message {
  const text = roomy || version.body.length <= CARD_TEXT ? version.body : version.body.slice(0, CARD_TEXT);
  const parts: Block[] = [];
  for (let at = 0; at < text.length; at += PART) parts.push(section([text.slice(at, at + PART)]));
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
        : documents.map((version) => section([W.documentLine(version.document.title, version.version, version.publishedAt, version.requiresAcknowledgement), muted(`sha256 ${version.sha256.slice(0, 12)}…`)]))),
    );
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
export function campaignsView(campaigns: { progress: CampaignProgress; waiting: OverduePerson[] }[], now: Date): Message {
  const blocks: Block[] = campaigns.length === 0 ? [section([W.noCampaigns])] : [];
  for (const { progress, waiting } of campaigns) {
    const { campaign } = progress;
    blocks.push(
      section([
        W.campaignLine(campaign.id, campaign.version.document.title, campaign.version.version, campaign.audienceLabel),
        W.completion(progress.accepted, progress.recipients, campaign.deadline, campaign.closedAt !== null),
        muted(W.byChannel(progress.byChannel, progress.sent, progress.failed)),
      ]),
    );
    const left = progress.recipients - progress.accepted;
    if (left > 0 && waiting.length > 0) {
      const late = campaign.deadline < now;
      blocks.push(section([late ? W.overdue(left, named(waiting)) : W.waiting(left, named(waiting))], late ? { tone: "warning" } : {}));
    }
  }
  return {
    title: W.campaignsTitle,
    summary: campaigns.length === 0 ? W.noCampaigns : `${campaigns.length} policy campaign${campaigns.length === 1 ? "" : "s"}`,
    blocks,
    actions: [{ label: W.startButton, action: POLICY_IDS.actions.startCampaign }, { label: W.publishButton, action: POLICY_IDS.actions.publish }],
  };
}
