import { randomUUID } from "node:crypto";
import { cardMessage } from "../cards/adaptive-card.js";
import { requestFormCard } from "../cards/request-form-card.js";
import { TEAMS_VERBS } from "../verbs.js";
import type { TeamsCommand } from "./command.js";

/** A fresh form; its id becomes the submission key, so a retried submit of this card files one request. */
export function newRequestFormCard() {
  return requestFormCard({
    title: "Request an AI tool",
    intro: "Tell the AIMS approvers which AI tool you want to use and how. Everything here stays in the AI register.",
    verb: TEAMS_VERBS.submitRequest,
    data: { formId: randomUUID() },
  });
}

export const requestCommand: TeamsCommand = {
  name: "request",
  description: "Ask for approval to use an AI tool or service.",
  async handle({ turn }) {
    await turn.sendActivity(cardMessage(newRequestFormCard(), "Request an AI tool"));
  },
};
