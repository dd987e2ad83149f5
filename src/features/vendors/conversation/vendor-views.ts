import { type Block, type Button, day, fields, heading, type Message, muted, person, section, truncate } from "../../../conversation/message.js";
import type { Vendor } from "../../../db/generated/client.js";
import { VENDOR_OUTCOMES } from "../vendor-form.js";
import { answerText, type VendorAnswers, type VendorQuestionnaire } from "../vendor-questionnaire.js";
import type { VendorDetails } from "../vendor-service.js";
import { standingIcon, standingWords, vendorStanding } from "../vendor-status.js";
import { VENDOR_IDS } from "./vendor-ids.js";
import { VENDOR_WORDING as W } from "./vendor-wording.js";

/** Vendors one list shows; the audit pack has them all. */
export const VENDORS_SHOWN = 25;
const ANSWER_SHOWN = 300;
const SYSTEMS_SHOWN = 15;
const DOMAINS_SHOWN = 10;


const ownerText = (vendor: Vendor) => (vendor.ownerChannel && vendor.ownerId ? person({ channel: vendor.ownerChannel, id: vendor.ownerId, name: vendor.ownerName }) : W.noOwner);
export const statusText = (vendor: Vendor, now: Date) => {
  const standing = vendorStanding(vendor, now);
  return `${standingIcon(standing)} ${standingWords(standing)}`;
};
export const outcomeLabel = (outcome: string) => VENDOR_OUTCOMES.find((option) => option.value === outcome)?.label ?? outcome;

/** `vendors`: every vendor with its status and owner; Add for AIMS owners. */
export function vendorListView(vendors: readonly (Vendor & { systemCount: number })[], options: { now: Date; canManage: boolean; notice?: string }): Message {
  const shown = vendors.slice(0, VENDORS_SHOWN);
  return {
    id: VENDOR_IDS.views.list,
    title: W.listTitle,
    summary: W.listSummary(vendors.length),
    blocks: [
      section([W.listIntro]),
      ...(options.notice ? [section([options.notice], { tone: "good" as const })] : []),
      ...(vendors.length === 0 ? [section([W.noVendors])] : []),
      ...shown.map((vendor) =>
        section([W.vendorLine(vendor.reference, truncate(vendor.name, 80), statusText(vendor, options.now)), muted(W.vendorDetails(ownerText(vendor), vendor.systemCount))], {
          id: `vendor:${vendor.reference}`,
          button: { label: W.open, action: VENDOR_IDS.actions.open, value: { reference: vendor.reference } },
        }),
      ),
      ...(vendors.length > shown.length ? [section([muted(W.moreVendors(vendors.length - shown.length))])] : []),
    ],
    actions: options.canManage ? [{ label: W.add, action: VENDOR_IDS.actions.addForm, style: "primary" }] : [],
  };
}

function answersBlocks(vendor: VendorDetails, questionnaire: VendorQuestionnaire): Block[] {
  const [latest, ...earlier] = vendor.reviews;
  if (!latest) return [section([muted(W.noAnswers)])];
  const answers = latest.answers as VendorAnswers;
  // One section per question: a Slack section holds 3000 characters, and a long answer is cut to ANSWER_SHOWN.
  const lines = questionnaire.questions.map((question) => section([`**${question.label}**`, truncate(answerText(question, answers[question.id]), ANSWER_SHOWN)]));
  const decided = latest.outcome && latest.decidedAt && latest.decidedByChannel && latest.decidedById;
  return [
    heading(W.answersHeading(latest.version, latest.definitionVersion, day(latest.recordedAt))),
    ...lines,
    section([muted(W.answeredBy(person({ channel: latest.recordedByChannel, id: latest.recordedById })))]),
    section([
      decided ? W.outcome(outcomeLabel(latest.outcome!), person({ channel: latest.decidedByChannel!, id: latest.decidedById! }), day(latest.decidedAt!)) : W.awaitingOutcome,
      ...(latest.outcomeNote ? [W.outcomeNote(truncate(latest.outcomeNote, ANSWER_SHOWN))] : []),
    ]),
    ...(earlier.length > 0 ? [section([muted(W.earlierVersions(earlier.length))])] : []),
  ];
}

/** `vendors <name>`: the vendor, its systems, its latest answers and outcome; the buttons each person may use. */
export function vendorView(vendor: VendorDetails, questionnaire: VendorQuestionnaire, options: { now: Date; canManage: boolean; canAnswer: boolean; notice?: string }): Message {
  const value = { reference: vendor.reference };
  const latest = vendor.reviews[0];
  const buttons: Button[] = [
    ...(options.canAnswer ? [{ label: latest ? W.reanswer : W.answer, action: VENDOR_IDS.actions.answersForm, value }] : []),
    ...(options.canAnswer && latest && !latest.outcome ? [{ label: W.recordOutcome, action: VENDOR_IDS.actions.outcomeForm, value: { ...value, version: latest.version }, style: "primary" as const }] : []),
    ...(options.canManage && vendor.ownerId ? [{ label: W.send, action: VENDOR_IDS.actions.send, value }] : []),
    ...(options.canManage ? [{ label: W.setOwner, action: VENDOR_IDS.actions.ownerForm, value }] : []),
    { label: W.allVendors, action: VENDOR_IDS.actions.showList },
  ];
  const systems = vendor.aiSystems.slice(0, SYSTEMS_SHOWN);
  return {
    id: VENDOR_IDS.views.detail,
    title: W.detailTitle,
    summary: W.detailSummary(truncate(vendor.name, 80), standingWords(vendorStanding(vendor, options.now))),
    blocks: [
      heading(truncate(W.heading(vendor.reference, vendor.name), 150)),
      fields([
        { label: W.statusLabel, value: statusText(vendor, options.now) },
        { label: W.ownerLabel, value: ownerText(vendor) },
        { label: W.domainsLabel, value: vendor.domains.length ? vendor.domains.slice(0, DOMAINS_SHOWN).join(", ") : W.none },
        { label: W.nextReviewLabel, value: vendor.nextReviewAt ? day(vendor.nextReviewAt) : W.notScheduled },
      ]),
      ...(vendor.outcomeNote ? [section([W.outcomeNote(truncate(vendor.outcomeNote, ANSWER_SHOWN))])] : []),
      ...(options.notice ? [section([options.notice], { tone: "good" as const })] : []),
      heading(W.systemsHeading),
      section(systems.length ? systems.map((system) => W.system(system.reference, truncate(system.name, 80), system.status)) : [W.noSystems]),
      ...answersBlocks(vendor, questionnaire),
    ],
    actions: buttons,
  };
}

/** The message the vendor's internal owner gets in chat when the questionnaire is sent: a button opens the form. */
export function questionnaireRequestView(vendor: Vendor): Message {
  return {
    id: VENDOR_IDS.views.request,
    title: W.requestTitle,
    summary: W.requestSummary(vendor.name),
    blocks: [section([W.request(truncate(vendor.name, 80), vendor.reference), muted(W.requestHint)])],
    actions: [
      { label: W.answer, action: VENDOR_IDS.actions.answersForm, value: { reference: vendor.reference }, style: "primary" },
      { label: W.open, action: VENDOR_IDS.actions.open, value: { reference: vendor.reference } },
    ],
  };
}
