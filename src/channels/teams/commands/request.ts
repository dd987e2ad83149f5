import { randomUUID } from "node:crypto";
import { requestForm } from "../../../features/requests/conversation/request-forms.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { cardMessage } from "../cards/adaptive-card.js";
import { adaptiveCardForm } from "../conversation/adaptive-card-form.js";
import { TEAMS_VERBS } from "../verbs.js";
import type { TeamsCommand } from "./command.js";

/** A fresh form; its id becomes the submission key, so a retried submit of this card files one request. */
export const newRequestFormCard = () => adaptiveCardForm(requestForm({ id: TEAMS_VERBS.submitRequest, state: { formId: randomUUID() } }));

export const requestCommand: TeamsCommand = {
  name: "request",
  description: W.requestDescription,
  async handle({ turn }) {
    await turn.send(cardMessage(newRequestFormCard(), W.formTitle));
  },
};
