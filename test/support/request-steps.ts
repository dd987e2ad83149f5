import { expect } from "vitest";
import { SLACK_IDS } from "../../src/channels/slack/ids.js";
import type { RawRequestForm } from "../../src/features/requests/request-form.js";
import { APPROVALS_CHANNEL, type SlackTestSide } from "./aims-harness.js";
import type { FakeSlackCall } from "./fake-slack/index.js";
import { VALID_REQUEST, requestFormState } from "./request-form-state.js";
import { SAVING_TEXT } from "../../src/channels/slack/conversation/capability-forms.js";

/** Opens the request modal with /aims request and returns the view Slack was asked to show. */
export async function openRequestModal(t: SlackTestSide, userId: string) {
  const before = t.fake.callsTo("views.open").length;
  const response = await t.slack.command(userId, "request");
  expect(response.status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.open", before + 1)).slice(before);
  expect(call.response.ok).toBe(true);
  return call.response.view as { id: string; callback_id: string; private_metadata: string };
}

/** Files a request through the modal and returns its reference and the approvals-channel message. */
export async function submitRequest(t: SlackTestSide, userId: string, form: RawRequestForm = VALID_REQUEST) {
  const view = await openRequestModal(t, userId);
  const submission = {
    id: view.id,
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    state: { values: requestFormState(form) },
  };
  // On a busy machine saving can outlast SLACK_FORM_SAVE_WAIT_MS; the modal then says "saving…" and shows the
  // answer once saved, which a person waits for.
  const response = await t.slack.submitView(userId, submission);
  expect(response.status).toBe(200);
  const answer = await response.text();
  if (answer.includes(SAVING_TEXT)) await t.fake.waitFor("views.update", (call) => call.args.view_id === view.id, 30_000);
  else expect(answer).toBe("");
  const posted = await t.fake.waitFor(
    "chat.postMessage",
    (call) => call.args.channel === APPROVALS_CHANNEL && String(call.args.text).includes(String(form.toolName)),
  );
  const reference = /REQ-\d{4}/.exec(String(posted.args.text))![0];
  return { reference, approvalTs: String(posted.response.ts), view };
}

/** The value a decision button carries (JSON, as the neutral views write it). */
export const decisionValue = (reference: string, revision: number, stageId?: string) => JSON.stringify({ reference, revision, ...(stageId ? { stageId } : {}) });

export function buttonValue(call: FakeSlackCall, actionId: string): string {
  const blocks = call.args.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[];
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);
  if (!button?.value) throw new Error(`no ${actionId} button in ${JSON.stringify(blocks)}`);
  return button.value;
}

/** Clicks a decision button on the approvals message, as `userId`, with a response_url to hear back on. */
export async function clickDecision(
  t: SlackTestSide,
  userId: string,
  actionId: string,
  value: string,
  approvalTs: string,
) {
  const responseUrl = t.fake.newResponseUrl();
  const response = await t.slack.action({
    userId,
    channelId: APPROVALS_CHANNEL,
    message: { ts: approvalTs, type: "message", text: "" },
    responseUrl,
    actions: [{ action_id: actionId, block_id: "decide", value }],
  });
  expect(response.status).toBe(200);
  return responseUrl;
}

export const decisionIds = SLACK_IDS.actions;
