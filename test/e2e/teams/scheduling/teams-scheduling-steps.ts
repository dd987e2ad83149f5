import { expect } from "vitest";
import type { TestAims } from "../../../support/aims-harness.js";
import type { ConnectorCall } from "../../../support/fake-bot-connector/index.js";
import { messageActivity, personalChatId, type TeamsPerson } from "../../../support/teams-activities.js";
import { cardIn, cardText, type Card } from "../teams-steps.js";

const teamsPerson = (n: string, name: string): TeamsPerson => ({ aadObjectId: `00000000-0000-4000-8000-0000000000${n}`, id: `29:1teams-user-${n}`, name });

export const TEAMS_AIMS_OWNER = teamsPerson("f1", "Olivia Owner");
export const TEAMS_MANAGER = teamsPerson("f2", "Morgan Manager");
export const TEAMS_REVIEW_OWNER = teamsPerson("f3", "Riley Reviewer");
export const TEAMS_COLLEAGUE = teamsPerson("f4", "Casey Colleague");
export const TEAMS_MANAGERS_CONVERSATION = "19:managers0123456789@thread.tacv2";

export const TEAMS_SCHEDULING_ENV = {
  AIMS_SCHEDULER_ENABLED: "false",
  AIMS_WORKING_HOURS: "09:00-17:00",
  TEAMS_OWNERS: TEAMS_AIMS_OWNER.aadObjectId,
  TEAMS_MANAGERS: TEAMS_MANAGER.aadObjectId,
  TEAMS_MANAGERS_CONVERSATION,
};

/** Runs one scheduler pass, as node-cron would. */
export const tick = (t: TestAims) => t.aims.core.scheduling.scheduler.tick();

/** A message to the bot in the person's personal chat, optionally with the timezone Teams reports for them. */
export async function sayHello(t: TestAims, who: TeamsPerson, localTimezone?: string) {
  const activity = messageActivity(t.teams.connector.serviceUrl, who, "help");
  const response = await t.teams.send(localTimezone ? { ...activity, localTimezone } : activity);
  expect(response.status).toBe(200);
  await t.teams.connector.waitFor("send", (call) => call.conversationId === personalChatId(who) && String(call.body.text).includes("**help**"));
}

/** Cards the bot sent to this person's personal chat about one item (reference), oldest first. */
export function cardsAbout(t: TestAims, who: TeamsPerson, reference: string): Card[] {
  return t.teams.connector
    .accepted("send")
    .filter((call: ConnectorCall) => call.conversationId === personalChatId(who) && Array.isArray(call.body.attachments) && cardText(call.body).includes(reference))
    .map(cardIn);
}

type Action = { type: string; title: string; verb?: string; data?: Record<string, unknown>; card?: { body: Record<string, unknown>[]; actions?: Action[] } };

/** Every action of a card, those inside Action.ShowCard included. */
export function allActions(card: { actions?: Action[] }): Action[] {
  return (card.actions ?? []).flatMap((action) => [action, ...(action.card ? allActions(action.card) : [])]);
}

export function executeOf(card: Card, verb: string, title?: string) {
  const action = allActions(card as never).find((candidate) => candidate.type === "Action.Execute" && candidate.verb === verb && (!title || candidate.title === title));
  if (!action) throw new Error(`no ${verb} ${title ?? ""} in ${cardText(card.actions)}`);
  return action as Required<Pick<Action, "verb" | "data">> & Action;
}

/** Clicks an Action.Execute of a card in the person's personal chat, with what they typed into the card's inputs. */
export function clickCard(t: TestAims, who: TeamsPerson, card: Card, verb: string, inputs: Record<string, string> = {}, title?: string) {
  const action = executeOf(card, verb, title);
  return t.teams.invoke(who, { verb, data: { ...action.data, ...inputs } });
}
