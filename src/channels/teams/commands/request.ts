import { newRequestForm } from "../../../features/requests/conversation/request-forms.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { cardMessage } from "../cards/adaptive-card.js";
import { adaptiveCardForm } from "../conversation/adaptive-card-form.js";
import type { TeamsCommand } from "./command.js";

export const requestCommand: TeamsCommand = {
  name: "request",
  description: W.requestDescription,
  async handle({ turn }) {
    await turn.send(cardMessage(adaptiveCardForm(newRequestForm()), W.formTitle));
  },
};
