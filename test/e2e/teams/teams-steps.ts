import { expect } from "vitest";
import type { TestAims } from "../../support/aims-harness.js";
import { messageProblems, type ConnectorCall, type FakeBotConnector } from "../../support/fake-bot-connector/index.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import {
  BOT_ACCOUNT,
  personalChat,
  TEAMS_APPROVALS_CONVERSATION,
  type ConversationInput,
  type TeamsPerson,
} from "../../support/teams-activities.js";
import type { RawRequestForm } from "../../../src/features/requests/request-form.js";

export interface Card {
  version: string;
  body: Record<string, unknown>[];
  actions?: { type: string; title: string; verb: string; data: Record<string, unknown> }[];
}

export const cardIn = (call: ConnectorCall): Card =>
  (call.body.attachments as { content: Card }[])[0].content;

export const cardText = (card: unknown) => JSON.stringify(card);

export function actionOf(card: Card, verb: string) {
  const action = card.actions?.find((candidate) => candidate.verb === verb);
  if (!action) throw new Error(`no ${verb} action in ${cardText(card.actions)}`);
  return action;
}

/**
 * What the bot posted on its own (not as a reply) into channels and group chats, whose ids start "19:" (personal
 * chats' start "a:"): the bot speaks and no person is addressed, so no one's identity travels with the post.
 */
export function expectChannelPostsAddressNoOne(connector: FakeBotConnector) {
  const posts = connector.calls.filter((call) => call.kind === "send" && !call.activityId && call.conversationId?.startsWith("19:"));
  expect(posts.length, "posts into channels").toBeGreaterThan(0);
  for (const { path, body } of posts) {
    expect(body.recipient, `the post ${path} is addressed to someone`).toBeUndefined();
    expect(body.from, `the post ${path} comes from someone else than the bot`).toEqual(BOT_ACCOUNT);
  }
}

/** The invoke answer must be a card Teams would show. */
export function expectCardResponse(body: { statusCode: number; type: string; value: unknown }): Card {
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
  const { problems } = messageProblems({ attachments: [{ contentType: body.type, content: body.value }] });
  expect(problems).toEqual([]);
  return body.value as Card;
}

export function expectMessageResponse(body: { statusCode: number; type: string; value: unknown }): string {
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe("application/vnd.microsoft.activity.message");
  return String(body.value);
}

/** The form values as Teams sends them in `value.action.data`: text, multi-selects comma-joined. */
export function teamsFormData(form: RawRequestForm): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : String(value)]),
  );
}

/** Sends "request" and returns the form card the bot answered with. */
export async function openTeamsForm(t: TestAims, who: TeamsPerson, conversation: ConversationInput = personalChat(who)) {
  const { status, reply: call } = await t.teams.ask(who, "request", conversation);
  expect(status).toBe(200);
  const card = cardIn(call);
  return { card, call, submit: actionOf(card, "request.submit") };
}

/** Files a request through the Teams form and returns its reference and the card posted for approval. */
export async function submitTeamsRequest(
  t: TestAims,
  who: TeamsPerson,
  form: RawRequestForm = VALID_REQUEST,
  conversation: ConversationInput = personalChat(who),
) {
  const { submit, call } = await openTeamsForm(t, who, conversation);
  const { status, body } = await t.teams.invoke(who, {
    verb: submit.verb,
    data: { ...submit.data, ...teamsFormData(form) },
    replyToId: call.responseId,
    conversation,
  });
  expect(status).toBe(200);
  const receipt = expectCardResponse(body);
  expect(cardText(receipt)).toContain("is with the AIMS approvers");
  const reference = /REQ-\d{4}/.exec(cardText(receipt))![0];
  const approval = await t.teams.connector.waitFor(
    "send",
    (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(c.body).includes(reference),
  );
  return { reference, approval, approvalCard: cardIn(approval) };
}

/** Clicks a decision button of the approvals card. */
export async function clickTeamsDecision(
  t: TestAims,
  who: TeamsPerson,
  approval: { card: Card; activityId: string },
  verb: "request.approve" | "request.approve_conditions" | "request.reject" | "request.changes",
  reason?: string,
) {
  const action = actionOf(approval.card, verb);
  return t.teams.invoke(who, {
    verb,
    data: { ...action.data, ...(reason !== undefined ? { reason } : {}) },
    replyToId: approval.activityId,
    conversation: { id: TEAMS_APPROVALS_CONVERSATION, type: "channel" },
  });
}

export type CardAction = { type: string; title: string; verb: string; data: Record<string, unknown> };
export type CardElementOf = Record<string, unknown> & { type: string; id?: string };

/** Every element of a card body, columns and action sets included. */
export function elementsOf(card: Card): CardElementOf[] {
  const walk = (elements: unknown[]): CardElementOf[] =>
    (elements as CardElementOf[]).flatMap((element) => [
      element,
      ...walk(((element.columns as { items: unknown[] }[] | undefined) ?? []).flatMap((column) => column.items)),
      ...walk((element.items as unknown[] | undefined) ?? []),
    ]);
  return walk(card.body);
}

/** The Action.Execute buttons of a card, in its actions and in ActionSets of the body. */
export function buttonsOf(card: Card): CardAction[] {
  const inBody = elementsOf(card).flatMap((element) => (element.type === "ActionSet" ? (element.actions as CardAction[]) : []));
  const actions = (card.actions as CardAction[] | undefined) ?? [];
  // A button that unfolds a form (Action.ShowCard) is clicked through the form's own submit.
  const unfolded = actions.flatMap((action) => ((action as { card?: { actions?: CardAction[] } }).card?.actions ?? []));
  return [...inBody, ...actions, ...unfolded];
}

export function button(card: Card, verb: string): CardAction {
  const found = buttonsOf(card).find((candidate) => candidate.verb === verb);
  if (!found) throw new Error(`no ${verb} button in ${cardText(card)}`);
  return found;
}

export const inputsOf = (card: Card) => elementsOf(card).filter((element) => element.type.startsWith("Input."));

export async function click(t: TestAims, who: TeamsPerson, action: CardAction, inputs: Record<string, string> = {}, conversation: ConversationInput = personalChat(who)) {
  const { status, body } = await t.teams.invoke(who, { verb: action.verb, data: { ...action.data, ...inputs }, conversation });
  expect(status).toBe(200);
  return { body, size: Buffer.byteLength(JSON.stringify(body.value)) };
}

export async function clickForCard(t: TestAims, who: TeamsPerson, action: CardAction, inputs: Record<string, string> = {}, conversation?: ConversationInput): Promise<Card> {
  return expectCardResponse((await click(t, who, action, inputs, conversation)).body);
}

export async function clickForMessage(t: TestAims, who: TeamsPerson, action: CardAction, inputs: Record<string, string> = {}, conversation?: ConversationInput): Promise<string> {
  return expectMessageResponse((await click(t, who, action, inputs, conversation)).body);
}
