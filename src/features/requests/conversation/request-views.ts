import type { AiSystem, AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import { ROLE_NAMES } from "../../../core/roles.js";
import { parseHolder } from "../approval-policy/approval-policy.js";
import type { StageProgress } from "../approval-stages.js";
import type { Decider } from "../request-service.js";
import { ORG_ROLE_LABELS } from "../../../core/iso42001/org-roles.js";
import { type Block, type Button, context, fields, type Message, moment, muted, person, section, truncate } from "../../../conversation/message.js";
import { assessmentText, registerHeadline, type RegisterEntry, type RegisterListing } from "../register-listing.js";
import { DATA_CATEGORIES, ORG_ROLES, optionLabel } from "../request-form.js";
import { REQUEST_IDS } from "./request-ids.js";
import { REQUEST_WORDING as W } from "./request-wording.js";
import { classificationBlock, classificationLine } from "../../classification/conversation/classification-views.js";

const day = (date: Date) => date.toISOString().slice(0, 10);
const yesNo = (value: boolean) => (value ? W.yes : W.no);
const risk = (request: Pick<AiToolRequest, "riskTier" | "riskReasons">) => W.riskWithReasons(W.risk[request.riskTier], request.riskReasons.join("; "));
const outcomeWords = (request: AiToolRequest) => request.status.replace("_", " ");

export const requestTitle = (request: AiToolRequest) => truncate(W.heading(request.reference, request.toolName), 150);

/** The facts of a request, as approvers and the requester see them. */
export function requestFacts(request: AiToolRequest): Block[] {
  const fact = (label: string, value: string) => ({ label, value: truncate(value, 1000) });
  return [
    fields([
      fact(W.facts.requestedBy, person({ channel: request.requesterChannel, id: request.requesterId, name: request.requesterName })),
      fact(W.facts.vendor, request.vendor),
      fact(W.facts.risk, risk(request)),
      fact(W.facts.status, W.status[request.status]),
      fact(W.facts.users, W.usersAbout(request.intendedUsers, request.userCount)),
      fact(W.facts.data, request.dataCategories.map((category) => optionLabel(DATA_CATEGORIES, category)).join(", ")),
      fact(W.facts.customers, yesNo(request.customerFacing)),
      fact(W.facts.people, yesNo(request.decidesAboutPeople)),
      fact(W.facts.role, optionLabel(ORG_ROLES, request.orgRole)),
      fact(W.facts.link, request.url ?? "—"),
    ]),
    section([`**${W.facts.purpose}**`, truncate(request.purpose, 2900)]),
    classificationBlock(request.aiActClassification),
  ];
}

/** Who decided: "X", or "X on behalf of Y" when a delegate decided for an approver away. */
export function deciderOf(decision: Decider): string {
  const decider = person({ channel: decision.deciderChannel, id: decision.deciderId, name: decision.deciderName });
  if (!decision.onBehalfOfChannel || !decision.onBehalfOfId) return decider;
  return W.onBehalfOf(decider, person({ channel: decision.onBehalfOfChannel, id: decision.onBehalfOfId, name: decision.onBehalfOfName ?? null }));
}

/** Who decided, when, and why. */
export function decisionBlock(decision: RequestDecision): Block {
  const line = W.decided(W.outcome[decision.outcome], deciderOf(decision), moment(decision.decidedAt));
  return section(decision.reason ? [line, muted(W.quoted(truncate(decision.reason, 1500)))] : [line]);
}

/** How a policy holder reads: "the approvers", "the security group". */
export function holderText(holder: string): string {
  const parsed = parseHolder(holder);
  if (!parsed) return holder;
  return parsed.kind === "role" ? W.roleHolder(ROLE_NAMES[parsed.role]) : W.groupHolder(parsed.name);
}

/** One section per stage: who decided what (with any conditions), or who it waits for. */
export function stagesBlocks(progress: StageProgress[]): Block[] {
  return [
    section([W.stagesHeading]),
    ...progress.map(({ stage, state, decisions, waitingFor }) => {
      const holders = stage.holders.map(holderText).join(", ");
      const head = W.stageLine(W.stageIcon[state], stage.step, truncate(stage.name, 60), stage.rule === "anyOf" ? W.anyOf(holders) : W.allOf(holders));
      const decided = decisions.map((decision) => {
        const line = W.stageDecided(W.outcome[decision.outcome], deciderOf(decision), moment(decision.decidedAt));
        return decision.conditions ? `${line}, ${W.onlyIf(truncate(decision.conditions, 150))}` : line;
      });
      const open = state === "waiting" && waitingFor.length ? [W.stageWaiting(waitingFor.map(holderText).join(", "))] : state === "later" ? [W.stageLater] : [];
      return section([head, ...[...decided, ...open].map(muted)]);
    }),
  ];
}

/**
 * The message in the approvals channel, without its decision buttons (each channel adds its own while pending):
 * the request, a note when it was resubmitted, its stages when it has more than one, and the outcome once decided.
 */
export function approvalView(request: AiToolRequest, decision: RequestDecision | null, progress: StageProgress[] = []): Message {
  const resubmitted = request.revision > 1 && request.status === "pending" ? [context(W.resubmitted(request.revision))] : [];
  const renewal = request.renewsSystemId !== null ? [context(W.renewalOf)] : [];
  const stages = progress.length > 1 ? stagesBlocks(progress) : [];
  const outcome = request.status !== "pending" && decision ? [decisionBlock(decision)] : [];
  return {
    title: requestTitle(request),
    summary: W.approvalSummary(request.reference, request.toolName, outcomeWords(request)),
    blocks: [...renewal, ...requestFacts(request), ...resubmitted, ...stages, ...outcome],
  };
}

/** The stages a decision button is offered for now: with one stage, the request itself (no stage named). */
export function decisionTargets(progress: StageProgress[]): { stageId?: string; name?: string }[] {
  if (progress.length <= 1) return [{}];
  return progress.filter((entry) => entry.state === "waiting").map((entry) => ({ stageId: entry.stage.id, name: entry.stage.name }));
}

/** The requester's button to change a request an approver sent back. */
export const editButton = (request: Pick<AiToolRequest, "reference">, action: string = REQUEST_IDS.edit, label: string = W.editAndResubmit): Button => ({
  label,
  action,
  value: { reference: request.reference },
  style: "primary",
});

/** What the requester is told once the request (or its resubmission) is in. */
export function receiptView(request: AiToolRequest): Message {
  return {
    title: W.receiptTitle,
    summary: W.receiptSummary(request.reference),
    blocks: [section([W.receipt(request.reference, truncate(request.toolName, 80), request.revision > 1)]), context(W.receiptNext(risk(request)))],
  };
}

/** The outcome for the requester, and what to do next (`editAction`: the id of the edit button). */
export function outcomeView(request: AiToolRequest, decision: RequestDecision, aiSystem: AiSystem | null, editAction: string = REQUEST_IDS.edit): Message {
  const conditions = decision.outcome === "approved" && aiSystem?.conditions.length ? [section([W.conditionsOfApproval(truncate(aiSystem.conditions.join("; "), 1500))])] : [];
  const until = aiSystem?.approvedUntil ? [context(W.approvedUntil(day(aiSystem.approvedUntil)))] : [];
  const registered = decision.outcome === "approved" && aiSystem ? [...conditions, context(W.registered(aiSystem.reference, day(aiSystem.nextReviewAt))), ...until] : [];
  return {
    title: W.decisionTitle,
    summary: W.decisionSummary(request.reference, request.toolName, decision.outcome.replace("_", " ")),
    blocks: [section([W.decisionIntro(request.reference, truncate(request.toolName, 80))]), decisionBlock(decision), ...registered],
    actions: decision.outcome === "changes_requested" ? [editButton(request, editAction)] : [],
  };
}

/** The requester's news that an owner reopened their request, and why. */
export function reopenedView(request: AiToolRequest, by: { channel: AiToolRequest["requesterChannel"]; id: string; name?: string | null }, reason: string): Message {
  return {
    title: W.reopenedTitle,
    summary: W.reopenedSummary(request.reference),
    blocks: [section([W.reopenedIntro(request.reference, truncate(request.toolName, 80), person(by)), muted(W.quoted(truncate(reason, 1500)))])],
  };
}

/** One line per request: reference, tool, state and risk; an edit button where the requester has to act. */
export function requestLine(request: AiToolRequest, editAction: string = REQUEST_IDS.edit): Block {
  const text = W.statusLine(request.reference, truncate(request.toolName, 80), W.status[request.status], W.risk[request.riskTier], day(request.createdAt));
  return section([text], request.status === "changes_requested" ? { button: editButton(request, editAction) } : {});
}

/** Requests one listing shows (within Slack's 50 blocks of a message). */
const STATUS_SHOWN = 45;

/** `status`: the person's requests and where each one stands. */
export function statusView(requests: AiToolRequest[], editAction: string = REQUEST_IDS.edit): Message {
  return {
    title: W.statusTitle,
    summary: W.statusSummary(requests.length),
    blocks: requests.length ? requests.slice(0, STATUS_SHOWN).map((request) => requestLine(request, editAction)) : [section([W.noRequests])],
  };
}

/** Entries of a short listing (a search) show their conditions at length; a long page only their start. */
const SHORT_LISTING = 10;

function registerEntry(system: RegisterEntry, short: boolean): Block {
  const owner = person({ channel: system.ownerChannel, id: system.ownerId, name: system.ownerName });
  return section([
    W.registerHeading(system.reference, truncate(system.name, 80), truncate(system.vendor, 80)),
    W.registerDetails(W.risk[system.riskTier], ORG_ROLE_LABELS[system.orgRole], owner, day(system.nextReviewAt), system.status, system.approvedUntil ? day(system.approvedUntil) : null),
    assessmentText(system),
    `${W.aiAct}: ${classificationLine(system.aiActClassification)}`,
    ...(system.conditions.length ? [W.conditionsInRegister(truncate(system.conditions.join("; "), short ? 400 : 40))] : []),
    system.vendorStatus,
  ]);
}

/** The AI system register: a headline and one entry per system (at most a page of them). */
export function registerView(listing: RegisterListing): Message {
  const more = listing.systems.length < listing.total ? [context(W.narrowDown)] : [];
  const headline = registerHeadline(listing);
  const inFull = listing.systems.length > 0 ? [context(W.inFull(listing.systems[0].reference))] : [];
  return {
    title: W.registerTitle,
    summary: headline,
    blocks: [section([headline]), ...listing.systems.map((system) => registerEntry(system, listing.systems.length <= SHORT_LISTING)), ...more, ...inFull],
  };
}
