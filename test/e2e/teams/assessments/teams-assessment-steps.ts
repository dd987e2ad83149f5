import { expect } from "vitest";
import type { TestAims } from "../../../support/aims-harness.js";
import type { TeamsPerson } from "../../../support/teams-activities.js";
import { LOW_RISK_OVERRIDES } from "../../slack/assessments/assessment-steps.js";
import { button, cardIn, cardText, clickForCard, inputsOf, type Card, type CardElementOf } from "../teams-steps.js";

const owner = (n: string, name: string): TeamsPerson => ({ aadObjectId: `00000000-0000-4000-8000-0000000000${n}`, id: `29:1teams-owner-${n}`, name });
export const TEAMS_OWNERS = [owner("b1", "Olga Owner"), owner("b2", "Omar Owner")] as const;
export const TEAMS_OWNERS_ENV = TEAMS_OWNERS.map((person) => person.aadObjectId).join(",");

export const HIGH_RISK_REQUEST = { toolName: "HireScreen AI", decidesAboutPeople: "yes" } as const;

type Answer = string | string[] | { likelihood: number; severity: number };
/** The line of a step card that says which step it is ("Step 2 of 9 · …"). */
export const stepLine = (card: Card) => String(card.body.map((element) => (element as { text?: string }).text ?? "").find((text) => text.includes("Step ")) ?? "");

function defaultValue(input: CardElementOf): string {
  const choices = (input.choices as { value: string }[] | undefined) ?? [];
  if (input.type === "Input.Text") return "We looked at this carefully and wrote down what we found.";
  if (input.type === "Input.Date") return "2027-03-01";
  if (String(input.id).endsWith(".likelihood")) return "1";
  if (String(input.id).endsWith(".severity")) return "2";
  return choices[0]?.value ?? "";
}

/** What Teams sends for the inputs of a step card: mild answers (as in the Slack tests) unless overridden; null sends "". */
export function fillStep(card: Card, overrides: Record<string, Answer | null> = {}): Record<string, string> {
  const data: Record<string, string> = {};
  for (const input of inputsOf(card)) {
    const id = String(input.id);
    if (!id.startsWith("q.")) continue;
    const [, questionId, part] = id.split(".");
    const given = { ...LOW_RISK_OVERRIDES, ...overrides }[questionId!];
    if (given === null) data[id] = "";
    else if (given !== undefined && part && typeof given === "object" && !Array.isArray(given)) data[id] = String(given[part as "likelihood" | "severity"]);
    else if (given !== undefined && !part) data[id] = Array.isArray(given) ? given.join(",") : String(given);
    else data[id] = defaultValue(input);
  }
  return data;
}

/** Clicks a button of a card as `who` and returns the card the bot answers with (checked against Teams' limits). */
/** Sends a message in `who`'s personal chat and returns the card the bot answers with. */
export async function sendForCard(t: TestAims, who: TeamsPerson, text: string, contains: string): Promise<Card> {
  const { status, reply } = await t.teams.ask(who, text);
  expect(status).toBe(200);
  expect(cardText(reply.body)).toContain(contains);
  return cardIn(reply);
}

/** The card the bot posted proactively (a sign-off request, an outcome) that mentions all of `texts`. */
export async function postedCard(t: TestAims, texts: string[], conversationId?: string) {
  const call = await t.teams.connector.waitFor(
    "send",
    (c) => (!conversationId || c.conversationId === conversationId) && texts.every((text) => cardText(c.body).includes(text)),
  );
  return { call, card: cardIn(call) };
}

/** Steps through every card of a Teams assessment with mild answers and sends it for sign-off. */
export async function completeInTeams(t: TestAims, assessor: TeamsPerson, first: Card): Promise<void> {
  let card = first;
  while (!cardText(card).includes("Send for sign-off")) card = await clickForCard(t, assessor, button(card, "assessment.next"), fillStep(card));
  expect(cardText(await clickForCard(t, assessor, button(card, "assessment.submit")))).toContain("is with the AIMS owners for sign-off");
}
