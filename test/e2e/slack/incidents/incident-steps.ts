import { expect } from "vitest";
import { SLACK_IDS } from "../../../../src/channels/slack/ids.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";
import { slashCommand, stateValues } from "../../../support/slack-requests.js";

export const INCIDENTS_CHANNEL = "C0INCIDENTS";
export const RESPONDER = "URESPONDER1";
export const STRANGER = "USTRANGER01";
export const NOW = new Date("2026-12-01T10:00:00Z");

/** The app with an incidents channel and a responder, at NOW, with the people the tests act as known to Slack. */
export async function startIncidentTestAims(): Promise<TestAims> {
  const t = await startTestAims({
    clock: fixedClock(NOW),
    env: { SLACK_INCIDENTS_CHANNEL: INCIDENTS_CHANNEL, AIMS_INCIDENT_RESPONDERS: RESPONDER },
  });
  for (const id of [EMPLOYEE, OWNERS[0], RESPONDER]) t.fake.addUser({ id, name: id.toLowerCase() });
  return t;
}
export const ids = SLACK_IDS.incidents;

/** The action id of every input in a Slack form (the block id is the field). */
const FIELD_ACTION = "value";

export interface IncidentAnswers {
  title: string;
  aiSystem?: string;
  aiSystemOther?: string;
  description?: string;
  detectedAt?: Date;
  severity?: "sev1" | "sev2" | "sev3" | "sev4";
  harmedParties?: string[];
  containment?: string;
  externalReporting?: string[];
}

const text = (value: string | undefined) => ({ type: "plain_text_input", value: value ?? null });
const selected = (type: string, value: string | undefined) => ({ type, selected_option: value ? { value } : null });
const many = (values: string[] | undefined) => ({ type: "checkboxes", selected_options: (values ?? []).map((value) => ({ value })) });

/** The `state.values` Slack sends when the incident modal is submitted with these answers. */
export function incidentFormState(answers: IncidentAnswers) {
  const detected = answers.detectedAt ?? new Date(NOW.getTime() - 3600_000);
  return stateValues({
    title: { [FIELD_ACTION]: text(answers.title) },
    ...(answers.aiSystem !== undefined ? { aiSystem: { [FIELD_ACTION]: selected("static_select", answers.aiSystem) } } : {}),
    aiSystemOther: { [FIELD_ACTION]: text(answers.aiSystemOther ?? (answers.aiSystem ? undefined : "Support chatbot")) },
    description: { [FIELD_ACTION]: text(answers.description ?? "The chatbot told three customers they could get refunds after 90 days.") },
    detectedAt: { [FIELD_ACTION]: { type: "datetimepicker", selected_date_time: Math.floor(detected.getTime() / 1000) } },
    severity: { [FIELD_ACTION]: selected("radio_buttons", answers.severity ?? "sev3") },
    harmedParties: { [FIELD_ACTION]: many(answers.harmedParties ?? ["individuals"]) },
    containment: { [FIELD_ACTION]: text(answers.containment ?? "Refund answers switched off in the bot.") },
    externalReporting: { [FIELD_ACTION]: many(answers.externalReporting) },
  });
}

/** Values for any of the follow-up modals: strings are text, `{date}`, `{user}`, `{option}`, `{options}` the pickers. */
export function followUpState(values: Record<string, string | { date: string } | { user: string } | { option: string } | { options: string[] }>) {
  const state: Record<string, Record<string, Record<string, unknown> & { type: string }>> = {};
  for (const [blockId, value] of Object.entries(values)) {
    let element: Record<string, unknown> & { type: string };
    if (typeof value === "string") element = { type: "plain_text_input", value };
    else if ("date" in value) element = { type: "datepicker", selected_date: value.date };
    else if ("user" in value) element = { type: "users_select", selected_user: value.user };
    else if ("option" in value) element = { type: "radio_buttons", selected_option: { value: value.option } };
    else element = { type: "checkboxes", selected_options: value.options.map((v) => ({ value: v })) };
    state[blockId] = { [FIELD_ACTION]: element };
  }
  return stateValues(state);
}

export type OpenedView = { id: string; callback_id: string; private_metadata: string; blocks: unknown[] };

/** Runs `trigger` and returns the view it opened. */
export async function viewOpenedBy(t: TestAims, trigger: () => Promise<unknown>): Promise<OpenedView> {
  const before = t.fake.callsTo("views.open").length;
  await trigger();
  // Generous: the first request of a run also warms up Bolt and the database client on a busy machine.
  const [call] = (await t.fake.waitForCount("views.open", before + 1, 15_000)).slice(before);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view as OpenedView;
}

export async function submit(t: TestAims, userId: string, view: OpenedView, values: Record<string, unknown>) {
  const response = await t.slack.submitView(userId, { ...view, state: { values } });
  expect(response.status).toBe(200);
  const body = await response.text();
  return body ? (JSON.parse(body) as { response_action: string; errors: Record<string, string> }) : null;
}

/** Files an incident through /aims incident and returns its reference and the announcement message. */
export async function reportIncident(t: TestAims, userId: string, answers: IncidentAnswers) {
  const view = await viewOpenedBy(t, () => t.slack.command(userId, "incident"));
  expect(view.callback_id).toBe(ids.views.report);
  expect(await submit(t, userId, view, incidentFormState(answers))).toBeNull();
  const incident = await t.aims.core.prisma.incident.findFirstOrThrow({ where: { title: answers.title } });
  const announcement = await t.fake.waitFor(
    "chat.postMessage",
    (call) => call.args.channel === INCIDENTS_CHANNEL && String(call.args.text).includes(incident.reference),
  );
  return { reference: incident.reference, announcementTs: String(announcement.response.ts), view };
}

/** Runs an /aims command with a response_url and returns what the app answered there. */
export async function commandReply(t: TestAims, userId: string, commandText: string, channelId?: string): Promise<string> {
  const responseUrl = t.fake.newResponseUrl();
  await t.slack.send(slashCommand({ userId, text: commandText, responseUrl, channelId }));
  const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
  return String((post.body as { text?: string }).text);
}

/** Clicks a button on an incident summary and returns the private reply, if `expectReply`. */
export async function click(t: TestAims, userId: string, actionId: string, reference: string, options: { channelId?: string; ts?: string } = {}) {
  const responseUrl = t.fake.newResponseUrl();
  const response = await t.slack.action({
    userId,
    channelId: options.channelId ?? INCIDENTS_CHANNEL,
    message: { ts: options.ts ?? "1700000000.000100", type: "message", text: "" },
    responseUrl,
    actions: [{ action_id: actionId, block_id: "actions", value: JSON.stringify({ reference }) }],
  });
  expect(response.status).toBe(200);
  return responseUrl;
}

export async function replyAt(t: TestAims, responseUrl: string): Promise<string> {
  const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
  return String((post.body as { text?: string }).text);
}

export const blocksText = (call: FakeSlackCall) => JSON.stringify(call.args.blocks);

export function actionIdsIn(call: FakeSlackCall): string[] {
  const blocks = call.args.blocks as { type: string; elements?: { action_id?: string }[] }[];
  return blocks.filter((b) => b.type === "actions").flatMap((b) => (b.elements ?? []).map((e) => String(e.action_id)));
}
