import { randomUUID } from "node:crypto";
import { type Capability, type Turn, valueText } from "../../../conversation/capability.js";
import { done, fieldErrors, formProblem, openForm, type Reply, tell } from "../../../conversation/reply.js";
import { rawRequestOf, requestForm } from "../../requests/conversation/request-forms.js";
import type { RequestService } from "../../requests/request-service.js";
import type { LinkAnswerService } from "../link-answer-service.js";
import { LINK_ANSWER_IDS as IDS } from "./link-answer-ids.js";
import { LINK_ANSWER_WORDING as W } from "./link-answer-wording.js";

type Services = { linkAnswers: LinkAnswerService; requests: RequestService };
type LinkTurn = Turn<Services>;

/** `links`, `links off`, `links on`: where the command is typed. */
async function runCommand(turn: LinkTurn, rest: string): Promise<Reply> {
  const word = rest.trim().toLowerCase();
  const { linkAnswers } = turn.services;
  if (!turn.conversation) return tell(W.noConversation);
  if (word === "") return tell(W.status(!(await linkAnswers.isOff(turn.actor.channel, turn.conversation))));
  if (word !== "off" && word !== "on") return tell(W.usage);
  const result = await linkAnswers.switch(turn.actor, turn.conversation, word === "on");
  if (result.kind === "forbidden") return tell(result.message);
  return tell(result.kind === "switched" ? W.switched(result.on) : W.unchanged(result.on));
}

/** The request form, filled with the tool a shared link was placed as; submitting it files a request as usual. */
export const linkAnswerCapability: Capability<Services> = {
  commands: [{ name: IDS.command, description: W.commandDescription, run: runCommand }],
  actions: {
    [IDS.request]: async (_turn, value) =>
      openForm(
        requestForm({
          id: IDS.requestForm,
          state: { formId: randomUUID() },
          values: { toolName: valueText(value, "name"), vendor: valueText(value, "vendor"), url: valueText(value, "url") },
        }),
      ),
  },
  forms: {
    [IDS.requestForm]: {
      form: (state) => requestForm({ id: IDS.requestForm, state }),
      async submit(turn, values, state) {
        const formId = typeof state.formId === "string" ? state.formId : "";
        if (!formId) return formProblem(W.formOutOfDate);
        const result = await turn.services.requests.submit(turn.actor, rawRequestOf(values), `links:${turn.actor.channel}:${formId}`);
        if (result.ok) return done(W.requested(result.request.reference));
        return fieldErrors(Object.fromEntries(Object.entries(result.errors).filter((entry): entry is [string, string] => Boolean(entry[1]))));
      },
    },
  },
};
