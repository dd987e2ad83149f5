import { expect } from "vitest";
import { POLICY_IDS } from "../../../../src/features/policies/conversation/policy-ids.js";
import type { TestAims } from "../../../support/aims-harness.js";
import type { FakeSlackCall } from "../../../support/fake-slack/index.js";
import { followUpState, submit, viewOpenedBy, type OpenedView } from "../incidents/incident-steps.js";

export const ids = POLICY_IDS;
export { submit, type OpenedView };

/** The settings of these tests: the scheduler runs when a test ticks it, sends are not spaced. */
export const CAMPAIGN_ENV = { AIMS_SCHEDULER_ENABLED: "false", AIMS_SLACK_SEND_INTERVAL_MS: "0", AIMS_WORKING_HOURS: "00:00-23:59" };

export const tick = (t: TestAims) => t.aims.core.scheduling.scheduler.tick();

/** Opens a form from an /aims command. */
export const formFrom = (t: TestAims, userId: string, words: string) => viewOpenedBy(t, () => t.slack.command(userId, words, { triggerId: `trigger-${Math.random()}` }));

export const publishValues = (answers: { title?: string; summary?: string; body?: string; again?: boolean }) =>
  followUpState({
    ...(answers.title !== undefined ? { title: answers.title } : {}),
    ...(answers.summary !== undefined ? { summary: answers.summary } : {}),
    ...(answers.body !== undefined ? { body: answers.body } : {}),
    requiresAcknowledgement: { options: answers.again ? ["again"] : [] },
  });

export const campaignValues = (answers: { versionId: number; audience: string; deadline: string; newJoiners?: boolean }) =>
  followUpState({
    versionId: { option: String(answers.versionId) },
    audience: { option: answers.audience },
    deadline: { date: answers.deadline },
    newJoiners: { options: answers.newJoiners ? ["new_joiners"] : [] },
  });

/** The campaign's direct messages to one person (first message and reminders). */
export const campaignDmsTo = (t: TestAims, userId: string): FakeSlackCall[] =>
  t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === userId && JSON.stringify(call.args.blocks ?? []).includes(ids.actions.accept));

export function buttonValue(call: FakeSlackCall, actionId: string): string {
  const blocks = call.args.blocks as { elements?: { action_id?: string; value?: string }[] }[];
  const value = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === actionId)?.value;
  expect(value, `${actionId} button`).toBeDefined();
  return value!;
}

/** Clicks a button of a DM; returns what the bot posted to the response_url (the replaced message or a reply). */
export async function clickDm(t: TestAims, userId: string, call: FakeSlackCall, actionId: string) {
  const responseUrl = t.fake.newResponseUrl();
  const response = await t.slack.action({
    userId,
    channelId: String(call.response.channel),
    message: { ts: String(call.response.ts), type: "message", text: "" },
    responseUrl,
    actions: [{ action_id: actionId, block_id: "actions", value: buttonValue(call, actionId) }],
  });
  expect(response.status).toBe(200);
  const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
  return post.body as { text?: string; blocks?: unknown[]; replace_original?: boolean };
}

export const bodyText = (body: { text?: string; blocks?: unknown[] }) => `${body.text ?? ""} ${JSON.stringify(body.blocks ?? [])}`;

/** The text a slow form's modal was updated to once it finished. */
export async function finishedModal(t: TestAims, view: OpenedView, includes: string): Promise<string> {
  const call = await t.fake.waitFor("views.update", (update) => update.args.view_id === view.id && JSON.stringify(update.args.view).includes(includes), 15_000);
  return JSON.stringify(call.args.view);
}

/** Clicks a button of a message the bot posted; returns the modal the click opened. */
export const viewOpenedByClick = (t: TestAims, userId: string, call: FakeSlackCall, actionId: string) =>
  viewOpenedBy(t, () =>
    t.slack.action({
      userId,
      channelId: String(call.response.channel),
      message: { ts: String(call.response.ts), type: "message", text: "" },
      triggerId: `trigger-${Math.random()}`,
      responseUrl: t.fake.newResponseUrl(),
      actions: [{ action_id: actionId, block_id: "actions", value: buttonValue(call, actionId) }],
    }),
  );
