import { expect } from "vitest";
import { SCHEDULING_IDS } from "../../../../src/features/scheduler/conversation/scheduling-ids.js";
import type { TestAims } from "../../../support/aims-harness.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";

export const MANAGERS_CHANNEL = "C0MANAGERS";
export const MANAGER = "UMANAGER01";
export const SCHEDULING_ENV = {
  AIMS_SCHEDULER_ENABLED: "false",
  AIMS_MANAGERS: MANAGER,
  SLACK_MANAGERS_CHANNEL: MANAGERS_CHANNEL,
  AIMS_SLACK_SEND_INTERVAL_MS: "0",
  AIMS_WORKING_HOURS: "09:00-17:00",
};

type FieldValue = { user: string } | { date: string } | { option: string } | string;

/** Slack's view.state.values for modal inputs (block id = field name, action id "value"). */
export function modalState(fields: Record<string, FieldValue>) {
  return Object.fromEntries(
    Object.entries(fields).map(([field, value]) => {
      if (typeof value === "string") return [field, { value: { type: "plain_text_input", value } }];
      if ("user" in value) return [field, { value: { type: "users_select", selected_user: value.user } }];
      if ("date" in value) return [field, { value: { type: "datepicker", selected_date: value.date } }];
      return [field, { value: { type: "static_select", selected_option: { value: value.option } } }];
    }),
  );
}

/** Runs one scheduler pass, as node-cron would. */
export const tick = (t: TestAims) => t.aims.core.scheduling.scheduler.tick();

export function dmsTo(t: TestAims, userId: string): FakeSlackCall[] {
  return t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === userId);
}

export function buttons(call: FakeSlackCall): Record<string, string> {
  const blocks = call.args.blocks as { elements?: { action_id?: string; value?: string }[] }[];
  return Object.fromEntries(blocks.flatMap((block) => block.elements ?? []).map((element) => [element.action_id!, element.value!]));
}

/** Clicks a button on a DM and returns the modal it opened, if any. */
export async function click(t: TestAims, userId: string, call: FakeSlackCall, actionId: string) {
  const value = buttons(call)[actionId];
  expect(value, `${actionId} button`).toBeDefined();
  const opened = t.fake.callsTo("views.open").length;
  const responseUrl = t.fake.newResponseUrl();
  const response = await t.slack.action({
    userId,
    channelId: String(call.response.channel),
    message: { ts: String(call.response.ts), type: "message", text: "" },
    responseUrl,
    actions: [{ action_id: actionId, block_id: "due", value }],
  });
  expect(response.status).toBe(200);
  return { responseUrl, modal: () => t.fake.waitForCount("views.open", opened + 1).then((calls) => calls.at(-1)!.response.view as { id: string; callback_id: string; private_metadata: string }) };
}

export async function submitModal(t: TestAims, userId: string, view: { id: string; callback_id: string; private_metadata: string }, fields: Record<string, FieldValue>) {
  const response = await t.slack.submitView(userId, { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: modalState(fields) } });
  expect(response.status).toBe(200);
  const text = await response.text();
  return text === "" ? undefined : (JSON.parse(text) as { response_action: string; errors: Record<string, string> });
}

export async function openFromCommand(t: TestAims, userId: string, text: string) {
  const opened = t.fake.callsTo("views.open").length;
  const response = await t.slack.command(userId, text, { triggerId: `trigger-${Date.now()}` });
  expect(response.status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.open", opened + 1)).slice(opened);
  return call!.response.view as { id: string; callback_id: string; private_metadata: string };
}

export const ids = SCHEDULING_IDS;
