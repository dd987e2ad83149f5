import { randomUUID } from "node:crypto";
import { cardMessage } from "../cards/adaptive-card.js";
import { requestFormCard } from "../cards/request-form-card.js";
import { TEAMS_VERBS } from "../verbs.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import type { TeamsCommand } from "./command.js";

/** A fresh form; its id becomes the submission key, so a retried submit of this card files one request. */
export function newRequestFormCard() {
  return requestFormCard({
    title: W.formTitle,
    intro: W.formIntro,
    verb: TEAMS_VERBS.submitRequest,
    data: { formId: randomUUID() },
  });
}

export const requestCommand: TeamsCommand = {
  name: "request",
  description: W.requestDescription,
  async handle({ turn }) {
    await turn.sendActivity(cardMessage(newRequestFormCard(), W.formTitle));
  },
};
