import { expect } from "vitest";
import { ASSESSMENT_IDS } from "../../../../src/channels/slack/assessments/ids.js";
import type { RawRequestForm } from "../../../../src/features/requests/request-form.js";
import { APPROVALS_CHANNEL, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { requestFormState } from "../../../support/request-form-state.js";
import { openRequestModal } from "../../../support/request-steps.js";
import { viewProblems } from "../../../support/fake-slack/index.js";

export interface ModalViewJson {
  id?: string;
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  submit?: { text: string };
  blocks: BlockJson[];
}

interface BlockJson {
  type: string;
  block_id?: string;
  element?: { type: string; options?: { value: string }[]; option_groups?: { options: { value: string }[] }[] };
  elements?: { action_id?: string; value?: string; text?: unknown }[];
  accessory?: { action_id?: string; value?: string };
  text?: { text: string };
}

type Answer = string | string[] | { likelihood: number; severity: number };

/** Answers that keep the default questionnaire at "low": the first (mildest) option of every choice, unless overridden. */
export const LOW_RISK_OVERRIDES: Record<string, Answer> = {
  can_stop: "yes",
  reviewer_can_override: "yes",
  residual_risk_acceptable: "yes",
  event_logging: "yes",
  individual_rights: "yes",
  data_quality: "4",
  mitigation_due: "2027-03-01",
};

function questionIdOf(blockId: string): { questionId: string; part?: "likelihood" | "severity" } {
  const [, questionId, part] = blockId.split(".");
  return { questionId: questionId!, part: part as "likelihood" | "severity" | undefined };
}

function defaultAnswer(element: NonNullable<BlockJson["element"]>): Answer | undefined {
  const first = element.options?.[0]?.value;
  switch (element.type) {
    case "plain_text_input":
      return "We looked at this carefully and wrote down what we found.";
    case "datepicker":
      return "2027-03-01";
    case "checkboxes":
    case "multi_static_select":
      return first ? [first] : [];
    default:
      return first;
  }
}

function stateValue(elementType: string, answer: Answer | undefined): Record<string, unknown> {
  switch (elementType) {
    case "plain_text_input":
      return { type: elementType, value: typeof answer === "string" ? answer : null };
    case "datepicker":
      return { type: elementType, selected_date: typeof answer === "string" ? answer : null };
    case "checkboxes":
    case "multi_static_select":
      return { type: elementType, selected_options: (Array.isArray(answer) ? answer : []).map((value) => ({ value, text: { type: "plain_text", text: value } })) };
    default:
      return { type: elementType, selected_option: typeof answer === "string" ? { value: answer, text: { type: "plain_text", text: answer } } : null };
  }
}

/** The state.values Slack would send for this step view, with the given answers (and mild defaults for the rest). */
export function fillStep(view: ModalViewJson, overrides: Record<string, Answer | null> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const block of view.blocks) {
    if (block.type !== "input" || !block.block_id?.startsWith("q.") || !block.element) continue;
    const { questionId, part } = questionIdOf(block.block_id);
    const given = { ...LOW_RISK_OVERRIDES, ...overrides }[questionId];
    let answer: Answer | undefined;
    if (given === null) answer = undefined;
    else if (given !== undefined && part && typeof given === "object" && !Array.isArray(given)) answer = String(given[part]);
    else if (given !== undefined && !part) answer = given as Answer;
    else answer = part ? (part === "likelihood" ? "1" : "2") : defaultAnswer(block.element);
    values[block.block_id] = { value: stateValue(block.element.type, answer) };
  }
  return values;
}

export function expectValidModal(view: unknown): asserts view is ModalViewJson {
  expect(viewProblems(view)).toEqual([]);
}

/** Submits a step (or review) view as Slack would and returns the modal Slack is told to show next, or the errors. */
export async function submitStep(t: TestAims, userId: string, view: ModalViewJson, values: Record<string, unknown>) {
  const response = await t.slack.submitView(userId, { id: view.id ?? "VSTEP", callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values } });
  expect(response.status).toBe(200);
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as { response_action?: string; view?: ModalViewJson; errors?: Record<string, string> };
  if (body.view) {
    expectValidModal(body.view);
    body.view.id = view.id;
  }
  return body;
}

export function textOf(value: unknown): string {
  return JSON.stringify(value);
}

export function contextText(view: ModalViewJson): string {
  return textOf(view.blocks.find((block) => block.type === "context"));
}

/** The value of the first button with this action id in some blocks. */
export function buttonIn(blocks: unknown, actionId: string): string {
  const all = (blocks as BlockJson[]).flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]);
  const button = all.find((element) => element.action_id === actionId);
  if (!button?.value) throw new Error(`no ${actionId} button in ${textOf(blocks)}`);
  return button.value;
}

/**
 * Files a request through the request modal like a person would: when the app answers that saving takes longer
 * than usual (a loaded machine), Submit is pressed again on the same modal, which the app treats as the same request.
 */
export async function fileRequest(t: TestAims, userId: string, form: RawRequestForm) {
  const view = await openRequestModal(t, userId);
  const submit = () =>
    t.slack.submitView(userId, { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: requestFormState(form) } });
  await eventually(async () => {
    const response = await submit();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  }, 30_000, 500);
  const posted = await t.fake.waitFor(
    "chat.postMessage",
    (call) => call.args.channel === APPROVALS_CHANNEL && String(call.args.text).includes(String(form.toolName)),
  );
  return { reference: /REQ-\d{4}/.exec(String(posted.args.text))![0], approvalTs: String(posted.response.ts) };
}

/** Starts an assessment of a request with `/aims assess`, answers every step mildly and sends it for sign-off. */
export async function completeAssessmentInSlack(t: TestAims, userId: string, requestReference: string): Promise<string> {
  const opens = t.fake.callsTo("views.open").length;
  await t.slack.command(userId, `assess ${requestReference}`);
  const [opened] = (await t.fake.waitForCount("views.open", opens + 1)).slice(opens);
  let view = opened!.response.view as ModalViewJson;
  const assessmentRef = JSON.parse(view.private_metadata).reference as string;
  while (view.callback_id === ASSESSMENT_IDS.views.step) {
    const next = await submitStep(t, userId, view, fillStep(view));
    expect(next.response_action, textOf(next)).toBe("update");
    view = next.view!;
  }
  expect(textOf((await submitStep(t, userId, view, {})).view)).toContain("is with the AIMS owners for sign-off");
  return assessmentRef;
}
