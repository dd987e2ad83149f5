import type { Clock } from "../../../core/clock.js";
import type { Capability, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import type { FormState, FormValues } from "../../../conversation/form.js";
import { day, person } from "../../../conversation/message.js";
import { fieldErrors, formProblem, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import type { VendorAnswers } from "../vendor-questionnaire.js";
import type { VendorService } from "../vendor-service.js";
import { addVendorForm, answersForm, outcomeForm, ownerForm } from "./vendor-forms.js";
import { VENDOR_IDS } from "./vendor-ids.js";
import { outcomeLabel, vendorListView, vendorView } from "./vendor-views.js";
import { VENDOR_WORDING as W } from "./vendor-wording.js";
import { vendorNotifications } from "./vendor-notifications.js";

type Services = { vendors: VendorService; clock: Clock };
type VendorTurn = Turn<Services>;

const referenceOf = (values: FormState) => String(values.reference ?? "").toUpperCase();
const onlyErrors = (errors: Partial<Record<string, string>>) => Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1])));

async function list(turn: VendorTurn, notice?: string): Promise<Reply> {
  const { vendors, clock } = turn.services;
  const canManage = (await vendors.manageRefusal(turn.actor)) === null;
  return show(vendorListView(await vendors.list(), { now: clock.now(), canManage, ...(notice ? { notice } : {}) }));
}

/** One vendor as it now stands, with the buttons this person may use. */
async function detail(turn: VendorTurn, nameOrReference: string, notice?: string): Promise<Reply> {
  const { vendors, clock } = turn.services;
  const vendor = await vendors.details(nameOrReference);
  if (!vendor) return tell(W.notFound(nameOrReference));
  const canManage = (await vendors.manageRefusal(turn.actor)) === null;
  const canAnswer = (await vendors.answerRefusal(turn.actor, vendor)) === null;
  return show(vendorView(vendor, vendors.questionnaire, { now: clock.now(), canManage, canAnswer, ...(notice ? { notice } : {}) }));
}

async function openAdd(turn: VendorTurn): Promise<Reply> {
  const refusal = await turn.services.vendors.manageRefusal(turn.actor);
  return refusal ? tell(refusal) : openForm(addVendorForm());
}

async function openOwner(turn: VendorTurn, reference: string): Promise<Reply> {
  const { vendors } = turn.services;
  const refusal = await vendors.manageRefusal(turn.actor);
  if (refusal) return tell(refusal);
  const vendor = await vendors.details(reference);
  return vendor ? openForm(ownerForm(vendor)) : tell(W.notFound(reference));
}

async function answersFormOf(turn: VendorTurn, reference: string) {
  const { vendors } = turn.services;
  const vendor = await vendors.details(reference);
  return vendor ? answersForm(vendor, vendors.questionnaire, (vendor.reviews[0]?.answers as VendorAnswers | undefined) ?? null) : undefined;
}

/** Why this person may not answer for the vendor or record its outcome (its internal owner or an AIMS owner may). */
async function answerRefusalFor(turn: VendorTurn, reference: string): Promise<string | null> {
  const { vendors } = turn.services;
  const vendor = await vendors.details(reference);
  return vendor ? vendors.answerRefusal(turn.actor, vendor) : W.notFound(reference);
}

async function openAnswers(turn: VendorTurn, reference: string): Promise<Reply> {
  const { vendors } = turn.services;
  const vendor = await vendors.details(reference);
  if (!vendor) return tell(W.notFound(reference));
  const refusal = await vendors.answerRefusal(turn.actor, vendor);
  if (refusal) return tell(refusal);
  return openForm(answersForm(vendor, vendors.questionnaire, (vendor.reviews[0]?.answers as VendorAnswers | undefined) ?? null));
}

async function openOutcome(turn: VendorTurn, reference: string, version: number): Promise<Reply> {
  const { vendors } = turn.services;
  const vendor = await vendors.details(reference);
  if (!vendor) return tell(W.notFound(reference));
  const refusal = await vendors.answerRefusal(turn.actor, vendor);
  return refusal ? tell(refusal) : openForm(outcomeForm(vendor, version));
}

async function send(turn: VendorTurn, reference: string): Promise<Reply> {
  const result = await turn.services.vendors.send(turn.actor, reference);
  if (result.kind !== "changed") return tell(result.message);
  const { vendor } = result;
  return detail(turn, reference, W.sentNotice(person({ channel: vendor.ownerChannel!, id: vendor.ownerId!, name: vendor.ownerName })));
}

async function runCommand(turn: VendorTurn, rest: string): Promise<Reply> {
  const words = rest.trim();
  if (!words) return list(turn);
  if (/^add$/i.test(words)) return openAdd(turn);
  return detail(turn, words);
}

/**
 * Vendor due diligence (ISO 42001 A.10.2, A.10.3), the same in both channels: the vendors and their status, one
 * vendor with its systems and latest answers, adding a vendor and setting its owner and sending the questionnaire
 * (AIMS owners), answering it and recording the outcome (the vendor's internal owner or an AIMS owner).
 */
export const vendorCapability: Capability<Services> = {
  notifications: vendorNotifications,
  commands: [{ name: "vendors", description: W.description, run: runCommand }],
  actions: {
    [VENDOR_IDS.actions.showList]: (turn) => list(turn),
    [VENDOR_IDS.actions.open]: (turn, value) => detail(turn, referenceOf(value)),
    [VENDOR_IDS.actions.addForm]: (turn) => openAdd(turn),
    [VENDOR_IDS.actions.ownerForm]: (turn, value) => openOwner(turn, referenceOf(value)),
    [VENDOR_IDS.actions.send]: (turn, value) => send(turn, referenceOf(value)),
    [VENDOR_IDS.actions.answersForm]: (turn, value) => openAnswers(turn, referenceOf(value)),
    [VENDOR_IDS.actions.outcomeForm]: (turn, value) => openOutcome(turn, referenceOf(value), Number(valueText(value, "version"))),
  },
  forms: {
    [VENDOR_IDS.views.add]: {
      form: () => addVendorForm(),
      refusal: (turn) => turn.services.vendors.manageRefusal(turn.actor),
      async submit(turn, values) {
        const result = await turn.services.vendors.add(turn.actor, { name: values.text("name"), domains: values.text("domains"), ownerId: values.text("ownerId") });
        if (result.kind === "forbidden") return tell(result.message);
        if (result.kind === "invalid") return fieldErrors(onlyErrors(result.errors));
        return detail(turn, result.vendor.reference, W.addedNotice(result.vendor.reference));
      },
    },
    [VENDOR_IDS.views.owner]: {
      async form(state, turn) {
        const vendor = await turn.services.vendors.details(referenceOf(state));
        return vendor ? ownerForm(vendor) : undefined;
      },
      refusal: (turn) => turn.services.vendors.manageRefusal(turn.actor),
      async submit(turn, values, state) {
        const owner = await turn.person(values.text("ownerId"));
        if (!owner) return fieldErrors({ ownerId: W.notAPerson });
        const reference = referenceOf(state);
        const result = await turn.services.vendors.setOwner(turn.actor, reference, owner);
        if (result.kind !== "changed") return formProblem(result.message);
        return detail(turn, reference, W.ownerNotice(person(owner)));
      },
    },
    [VENDOR_IDS.views.answers]: {
      form: (state, turn) => answersFormOf(turn, referenceOf(state)),
      refusal: (turn, state) => answerRefusalFor(turn, referenceOf(state)),
      async submit(turn, values: FormValues, state) {
        const { vendors } = turn.services;
        const reference = referenceOf(state);
        const raw = Object.fromEntries(vendors.questionnaire.questions.map((question) => [question.id, question.type === "multi_choice" ? values.list(question.id) : (values.text(question.id) ?? "")]));
        const result = await vendors.answer(turn.actor, reference, raw);
        if (result.kind === "invalid") return fieldErrors(result.errors);
        if (result.kind !== "answered") return formProblem(result.message);
        return detail(turn, reference, W.answeredNotice(result.review.version));
      },
    },
    [VENDOR_IDS.views.outcome]: {
      async form(state, turn) {
        const vendor = await turn.services.vendors.details(referenceOf(state));
        return vendor ? outcomeForm(vendor, Number(state.version)) : undefined;
      },
      refusal: (turn, state) => answerRefusalFor(turn, referenceOf(state)),
      async submit(turn, values, state) {
        const reference = referenceOf(state);
        const result = await turn.services.vendors.recordOutcome(turn.actor, reference, Number(state.version), { outcome: values.text("outcome"), note: values.text("note") });
        if (result.kind === "invalid") return fieldErrors(onlyErrors(result.errors));
        if (result.kind !== "changed") return formProblem(result.message);
        const { vendor } = result;
        return detail(turn, reference, W.outcomeNotice(outcomeLabel(vendor.status), vendor.nextReviewAt ? day(vendor.nextReviewAt) : "?"));
      },
    },
  },
};
