import { expect } from "vitest";
import { SLACK_IDS } from "../../../../src/channels/slack/ids.js";
import type { TestAims } from "../../../support/aims-harness.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";
import { slashCommand, stateValues, viewSubmission, type SubmittedView } from "../../../support/slack-requests.js";

export const TRIAGE_CHANNEL = "C0TRIAGE";
export const TRIAGERS = ["UTRIAGER1", "UTRIAGER2"] as const;
/** Tuesday 1 December 2026, 10:15:42 UTC. */
export const START = new Date("2026-12-01T10:15:42.123Z");
export const CONCERN_ENV = { SLACK_TRIAGE_CHANNEL: TRIAGE_CHANNEL, AIMS_TRIAGERS: TRIAGERS.join(",") };

export const ids = SLACK_IDS.concerns;

export interface ConcernFormInput {
  description: string;
  category: string;
  anonymous?: boolean;
  aiSystemText?: string;
}

export interface OpenedView {
  id: string;
  callback_id: string;
  private_metadata: string;
  blocks: unknown[];
}

export const textOf = (value: unknown): string => JSON.stringify(value) ?? "";

export function concernState(form: ConcernFormInput) {
  return stateValues({
    description: { value: form.description },
    category: { value: { type: "radio_buttons", selected_option: { value: form.category } } },
    aiSystemText: { value: form.aiSystemText ?? "" },
    anonymous: { value: { type: "checkboxes", selected_options: form.anonymous ? [{ value: "anonymous" }] : [] } },
  });
}

/** Waits for the next modal the app opens after `trigger` and returns it. */
export async function nextOpenedView(t: TestAims, trigger: () => Promise<Response>): Promise<OpenedView> {
  const before = t.fake.callsTo("views.open").length;
  expect((await trigger()).status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.open", before + 1)).slice(before);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view as unknown as OpenedView;
}

export function submit(t: TestAims, userId: string, view: OpenedView, values: Record<string, unknown>, userName?: string): Promise<Response> {
  const submitted: SubmittedView = { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values } };
  return t.slack.send(viewSubmission({ userId, userName, view: submitted }));
}

/** Files a concern through `/aims concern` and returns the HTTP answer to the submission. */
export async function fileConcern(t: TestAims, userId: string, form: ConcernFormInput, userName?: string) {
  const view = await nextOpenedView(t, () => t.slack.send(slashCommand({ userId, userName, text: "concern" })));
  expect(view.callback_id).toBe(ids.views.submit);
  const response = await submit(t, userId, view, concernState(form), userName);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { view, body: text ? (JSON.parse(text) as { response_action: string; view?: { blocks: unknown[] }; errors?: Record<string, string> }) : null };
}

export async function triagePost(t: TestAims, description: string): Promise<FakeSlackCall> {
  return t.fake.waitFor("chat.postMessage", (c) => c.args.channel === TRIAGE_CHANNEL && textOf(c.args.blocks).includes(description));
}

export function referenceIn(call: FakeSlackCall): string {
  return /CON-\d{4}/.exec(String(call.args.text))![0];
}

/** Clicks a button on the triage message (whose value is its JSON state); returns the response_url the app answers on. */
export async function clickTriage(t: TestAims, userId: string, actionId: string, reference: string, ts: string) {
  const responseUrl = t.fake.newResponseUrl();
  const response = await t.slack.action({
    userId,
    channelId: TRIAGE_CHANNEL,
    message: { ts, type: "message", text: "" },
    responseUrl,
    actions: [{ action_id: actionId, block_id: "triage", value: JSON.stringify({ reference }) }],
  });
  expect(response.status).toBe(200);
  return responseUrl;
}

/** Clicks a triage button that opens a modal, then submits the modal; returns the HTTP answer to the submission. */
export async function triageThroughModal(t: TestAims, userId: string, actionId: string, reference: string, ts: string, values: Record<string, unknown>) {
  const view = await nextOpenedView(t, async () => {
    await clickTriage(t, userId, actionId, reference, ts);
    return new Response(null, { status: 200 });
  });
  return submit(t, userId, view, values);
}

/** The case code and secret shown to an anonymous reporter in place of the form. */
export function credentialsIn(view: { blocks: unknown[] }): { code: string; secret: string } {
  const text = textOf(view.blocks);
  const code = /\*Case code\*\\n`([A-Z0-9-]+)`/.exec(text)?.[1];
  const secret = /\*Secret\*\\n`([A-Z0-9-]+)`/.exec(text)?.[1];
  if (!code || !secret) throw new Error(`no credentials in ${text}`);
  return { code, secret };
}

export async function openFollowUp(t: TestAims, userId: string, code: string, secret: string) {
  const view = await nextOpenedView(t, () => t.slack.command(userId, `concern follow-up ${code}`));
  expect(view.callback_id).toBe(ids.views.followUpSecret);
  const response = await submit(t, userId, view, stateValues({ secret: { value: secret } }));
  return (await response.json()) as { response_action: string; view?: OpenedView; errors?: Record<string, string> };
}
