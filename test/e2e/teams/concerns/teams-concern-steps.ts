import { expect } from "vitest";
import type { TestAims } from "../../../support/aims-harness.js";
import { channelConversation, type TeamsPerson } from "../../../support/teams-activities.js";
import { actionOf, cardIn, cardText, expectCardResponse, type Card } from "../teams-steps.js";

export const TEAMS_TRIAGE_CONVERSATION = "19:triage0123456789@thread.tacv2";
const person = (n: string, name: string): TeamsPerson => ({ aadObjectId: `00000000-0000-4000-8000-${n.padStart(12, "0")}`, id: `29:1teams-user-${n}`, name });
export const TEAMS_TRIAGERS = [person("c1", "Tara Triager"), person("c2", "Theo Triager")] as const;
/** Tuesday 1 December 2026, 10:15:42 UTC. */
export const START = new Date("2026-12-01T10:15:42.123Z");
export const TEAMS_CONCERN_ENV = {
  TEAMS_TRIAGE_CONVERSATION,
  TEAMS_TRIAGERS: TEAMS_TRIAGERS.map((t) => t.aadObjectId).join(","),
  AIMS_CONCERN_FOLLOW_UP_MAX_ATTEMPTS: "4",
};
export const triageConversation = channelConversation(TEAMS_TRIAGE_CONVERSATION);

export interface ConcernAnswers {
  description: string;
  category: string;
  anonymous?: boolean;
  aiSystemText?: string;
}

/** The reply the bot sent into a conversation after `before` sends, matching `predicate`. */
export async function nextSend(t: TestAims, conversationId: string, before: number, predicate: (card: string) => boolean = () => true) {
  return t.teams.connector.waitFor(
    "send",
    (call) => t.teams.connector.accepted("send").indexOf(call) >= before && call.conversationId === conversationId && predicate(cardText(call.body)),
  );
}

/** Sends a message in the person's personal chat and returns the card the bot answered with. */
export async function askInPersonalChat(t: TestAims, who: TeamsPerson, text: string): Promise<{ card: Card; activityId: string }> {
  const { status, reply: call } = await t.teams.ask(who, text);
  expect(status).toBe(200);
  return { card: cardIn(call), activityId: call.responseId! };
}

/** Files a concern the way Teams sends it: `concern`, then Send on the form with the inputs merged into the data. */
export async function fileTeamsConcern(t: TestAims, who: TeamsPerson, answers: ConcernAnswers) {
  const form = await askInPersonalChat(t, who, "concern");
  const send = actionOf(form.card, "concern.submit");
  const { status, body } = await t.teams.invoke(who, {
    verb: send.verb,
    data: {
      ...send.data,
      description: answers.description,
      category: answers.category,
      aiSystemText: answers.aiSystemText ?? "",
      anonymous: answers.anonymous ? "true" : "false",
    },
    replyToId: form.activityId,
  });
  expect(status).toBe(200);
  return expectCardResponse(body);
}

/** The case code and secret shown on the card that replaced the form. */
export function credentialsOn(card: Card): { code: string; secret: string } {
  const facts = (card.body.find((element) => element.type === "FactSet") as { facts: { title: string; value: string }[] }).facts;
  return { code: facts.find((f) => f.title === "Case code")!.value, secret: facts.find((f) => f.title === "Secret")!.value };
}

/** The triage card as first posted in the Teams triage conversation, for the concern whose text includes `marker`. */
export async function teamsTriagePost(t: TestAims, marker: string) {
  const call = await t.teams.connector.waitFor("send", (c) => c.conversationId === TEAMS_TRIAGE_CONVERSATION && cardText(c.body).includes(marker));
  const card = cardIn(call);
  const reference = /CON-\d{4}/.exec(cardText(card))![0];
  return { card, reference, activityId: call.responseId! };
}

/** Clicks a triage button (or the submit inside one of its show-cards) with the given inputs. */
export function clickTriage(t: TestAims, who: TeamsPerson, verb: string, reference: string, activityId: string, inputs: Record<string, string> = {}) {
  return t.teams.invoke(who, { verb, data: { reference, ...inputs }, replyToId: activityId, conversation: triageConversation });
}

/** Opens an anonymous concern with `concern follow-up <code>` and the secret. */
export async function openTeamsFollowUp(t: TestAims, who: TeamsPerson, code: string, secret: string) {
  const prompt = await askInPersonalChat(t, who, `concern follow-up ${code}`);
  const open = actionOf(prompt.card, "concern.followup.open");
  const { body } = await t.teams.invoke(who, { verb: open.verb, data: { ...open.data, secret }, replyToId: prompt.activityId });
  return expectCardResponse(body);
}
