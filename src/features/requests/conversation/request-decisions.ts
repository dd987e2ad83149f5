import type { AiToolRequest, RequestDecision } from "../../../db/generated/client.js";
import type { Field, FieldErrors, Form, FormState, FormValues } from "../../../conversation/form.js";
import { type ActionValue, type Button, type Message, section } from "../../../conversation/message.js";
import type { Actor } from "../../../core/actor.js";
import type { StageProgress } from "../approval-stages.js";
import { type ParsedValidity, parseValidity, type RawValidity } from "../approval-validity.js";
import type { DecisionOutcome, RequestService } from "../request-service.js";
import { readValidity, validityFields } from "./approval-validity-fields.js";
import { REQUEST_IDS } from "./request-ids.js";
import { approvalView, deciderOf, decisionTargets } from "./request-views.js";
import { REQUEST_WORDING as W } from "./request-wording.js";

/** What every decision button carries: which request, the revision the approver saw, and the stage when it has several. */
export interface DecisionTarget {
  reference: string;
  revision: number;
  stageId?: string;
}

/** The decision a button (or the form it led to) is about, or null when its value is not one the bot wrote. */
export function decisionTarget(value: ActionValue | Record<string, unknown>): DecisionTarget | null {
  const reference = typeof value.reference === "string" && /^REQ-\d+$/.test(value.reference) ? value.reference : null;
  const revision = Number(value.revision);
  if (!reference || !Number.isInteger(revision) || revision <= 0) return null;
  const stageId = typeof value.stageId === "string" && /^[a-z][a-z0-9_-]{0,39}$/.test(value.stageId) ? value.stageId : undefined;
  return { reference, revision, ...(stageId ? { stageId } : {}) };
}

/** Approve, Approve with conditions, Reject, Request changes: once for a request of one stage, else per stage open now. */
export function decisionButtons(request: Pick<AiToolRequest, "reference" | "revision">, progress: StageProgress[] = []): Button[] {
  return decisionTargets(progress).flatMap(({ stageId, name }) => {
    const value = { reference: request.reference, revision: request.revision, ...(stageId ? { stageId } : {}) };
    return [
      { label: name ? W.approveStage(name) : W.approve, action: REQUEST_IDS.approve, value, style: "primary" as const },
      { label: name ? W.conditionsStage(name) : W.approveWithConditions, action: REQUEST_IDS.approveWithConditions, value },
      { label: name ? W.rejectStage(name) : W.reject, action: REQUEST_IDS.reject, value, style: "danger" as const },
      { label: name ? W.changesStage(name) : W.requestChanges, action: REQUEST_IDS.requestChanges, value },
    ];
  });
}

/**
 * The message in the approvals place: the request, and while it is pending its decision buttons and the boxes a card
 * sends along with them (the reason, how long an approval holds); Slack asks for those in a form instead.
 */
export function approvalMessage(request: AiToolRequest, decision: RequestDecision | null, progress: StageProgress[] = []): Message {
  const view = approvalView(request, decision, progress);
  return request.status === "pending" ? { ...view, actions: decisionButtons(request, progress), inputs: decisionInputs() } : view;
}

/** The request as it now stands, for a chat that shows the clicked message again. */
export interface Standing {
  request: AiToolRequest;
  decision: RequestDecision | null;
  progress: StageProgress[];
}

/**
 * How a decision ended, in the words both chats say; each shows it its own way (Slack privately, while the
 * publisher updates the approvals message; Teams on the card that was clicked).
 * - `done`: it went through (the request decided, or a stage of it);
 * - `changed`: the request changed since the approver saw it (`text` says how);
 * - `missing`: the reason or the conditions were not given, or the approval's end will not do (`errors` per field of
 *   the form, `text` all of them);
 * - `blocked`: a gate holds (a high-risk request without a signed-off assessment), with the way forward if any;
 * - `refused`: not this approver, no such request, or someone else decided first.
 */
export type DecisionAnswer =
  | ({ kind: "done" } & Standing)
  | ({ kind: "changed"; text: string } & Standing)
  | { kind: "missing"; errors: FieldErrors; text: string; standing: Standing | null }
  | { kind: "blocked"; text: string; next?: { label: string; id: string }; standing: Standing | null }
  | { kind: "refused"; text: string };

/**
 * What an approver writes with a decision: the conditions of an approval, or the reason to reject or ask for
 * changes; and, approving, how long the approval holds (a period or a date, as typed).
 */
export type DecisionWords = ({ conditions: string } | { reason?: string }) & { validity?: RawValidity };

/** The question a decision without its words asks. */
export const askFor = (outcome: DecisionOutcome, withConditions: boolean) =>
  withConditions ? W.giveConditions : W.giveReasonFor[outcome === "rejected" ? "rejected" : "changes_requested"];

const validityOf = (outcome: DecisionOutcome, words: DecisionWords, now: Date): ParsedValidity =>
  outcome === "approved" ? parseValidity(words.validity ?? {}, now) : { ok: true, until: null };

/**
 * What keeps a decision from being taken as written, per field of the form: a period or date that will not do, no
 * reason to reject or ask for changes, or conditions left empty (they may be, when the approval has an end); null
 * when nothing does. A chat that must answer a form at once (Slack's modal) checks it before the decision is taken.
 */
export function wordsProblem(outcome: DecisionOutcome, words: DecisionWords, now: Date): FieldErrors | null {
  const validity = validityOf(outcome, words, now);
  if (!validity.ok) return validity.errors;
  if (("conditions" in words ? words.conditions : words.reason)?.trim()) return null;
  if (outcome !== "approved") return { [REASON_FIELD]: askFor(outcome, false) };
  return "conditions" in words && !validity.until ? { [REASON_FIELD]: askFor(outcome, true) } : null;
}

/** Takes an approver's decision through the requests service, written once for both chats (`now` counts a period from). */
export async function takeDecision(
  requests: RequestService,
  actor: Actor,
  target: DecisionTarget,
  outcome: DecisionOutcome,
  words: DecisionWords,
  now: Date,
): Promise<DecisionAnswer> {
  const standing = async (found: AiToolRequest | null, decision: RequestDecision | null = null): Promise<Standing | null> =>
    found ? { request: found, decision, progress: await requests.progress(found) } : null;
  const missing = async (errors: FieldErrors): Promise<DecisionAnswer> => ({
    kind: "missing",
    errors,
    text: Object.values(errors).join(" "),
    standing: await standing(await requests.find(target.reference)),
  });
  const problem = wordsProblem(outcome, words, now);
  if (problem) return missing(problem);
  const validity = validityOf(outcome, words, now);
  const reason = "reason" in words ? words.reason : undefined;
  const conditions = "conditions" in words ? words.conditions : undefined;
  const result = await requests.decide(actor, target.reference, target.revision, outcome, reason, {
    stageId: target.stageId,
    conditions,
    validUntil: validity.ok ? validity.until : null,
  });
  switch (result.kind) {
    case "decided":
      return { kind: "done", request: result.request, decision: result.decision, progress: await requests.progress(result.request) };
    case "stage_decided":
      return { kind: "done", request: result.request, decision: null, progress: await requests.progress(result.request) };
    case "already_decided": {
      const { request, decision } = result;
      if (decision) return { kind: "refused", text: W.alreadyDecidedBy(request.reference, deciderOf(decision)) };
      const now = (await standing(request, await requests.latestDecision(request.id)))!;
      return { kind: "changed", text: W.changedSince(request.reference, request.status.replace("_", " "), request.revision), ...now };
    }
    case "reason_required":
      return missing({ [REASON_FIELD]: askFor(outcome, false) });
    case "blocked":
      return { kind: "blocked", text: result.message, ...(result.action ? { next: result.action } : {}), standing: await standing(await requests.find(target.reference)) };
    case "forbidden":
      return { kind: "refused", text: result.message };
    case "not_found":
      return { kind: "refused", text: W.notFound(target.reference) };
  }
}

/** As long as a reason or the conditions of an approval may be. */
export const MAX_REASON_LENGTH = 1000;

/** The field of the reason form, and of the Teams card's box. */
export const REASON_FIELD = "reason";

/**
 * The inputs on the approvals message, for a chat that asks there rather than in a form (the Teams card): one box
 * every decision button sends along, and how long an approval holds.
 */
export const decisionInputs = (): Field[] => [
  { kind: "text", id: REASON_FIELD, label: W.reasonLabel, optional: true, multiline: true, maxLength: MAX_REASON_LENGTH },
  ...validityFields(),
];

/**
 * The form asking for the conditions of an approval (`outcome` "approved") and how long it holds, or the reason to
 * reject or ask for changes, for a chat that asks in a form (Slack's modal); it carries the decision it is for.
 */
export function reasonForm(target: DecisionTarget, outcome: DecisionOutcome): Form {
  const words = W.reasonForm[outcome];
  const approving = outcome === "approved";
  const intro = outcome === "approved" ? W.approvingWithConditions(target.reference) : outcome === "rejected" ? W.rejecting(target.reference) : W.askingChanges(target.reference);
  return {
    id: REQUEST_IDS.decisionReason,
    title: words.title,
    submit: words.submit,
    cancel: { label: W.cancel },
    intro: [section([intro])],
    state: { ...target, outcome },
    fields: [
      // Approving, the conditions may stay empty when an end is set (`wordsProblem` checks one of them is given).
      { kind: "text", id: REASON_FIELD, label: approving ? W.conditionsOptional : words.label, optional: approving, multiline: true, maxLength: MAX_REASON_LENGTH },
      ...(approving ? validityFields() : []),
    ],
  };
}

/** The decision and its words a submitted reason form holds; null when it is not one the bot made. */
export function reasonFormAnswer(state: FormState, values: FormValues): { target: DecisionTarget; outcome: DecisionOutcome; words: DecisionWords; text: string } | null {
  const target = decisionTarget(state);
  const outcome = state.outcome;
  if (!target || (outcome !== "approved" && outcome !== "rejected" && outcome !== "changes_requested")) return null;
  const text = values.text(REASON_FIELD)?.trim() ?? "";
  return { target, outcome, text, words: outcome === "approved" ? { conditions: text, validity: readValidity(values) } : { reason: text } };
}
