import type { Capability } from "../../../conversation/capability.js";
import { done, fieldErrors } from "../../../conversation/reply.js";
import { concernFailure } from "../concern-failure.js";
import type { ConcernService } from "../concern-service.js";
import { CONCERN_WORDING as W } from "./concern-wording.js";
import { answerForm, REPORTER_IDS } from "./reporter-views.js";
import { reporterNotifications } from "./concern-notifications.js";

/**
 * The named reporter's answer to a triagers' question, from the button on the question message. The anonymous
 * reporter's forms are written once (follow-up-views.ts), but each channel files and answers them itself, with its
 * own guards: a quiet Slack client, no conversation store in Teams, no DM.
 */
export const reporterCapability: Capability<{ concerns: ConcernService }> = {
  notifications: reporterNotifications,
  failure: concernFailure,
  commands: [],
  actions: {},
  forms: {
    [REPORTER_IDS.answer]: {
      inline: true,
      form: (state) => answerForm(String(state.reference ?? "")),
      async submit(turn, values, state) {
        const reference = String(state.reference ?? "");
        const result = await turn.services.concerns.answerAsReporter(turn.actor, reference, values.text("answer"));
        switch (result.kind) {
          case "done":
            return done(W.answerSent(reference));
          case "not_found":
            return fieldErrors({ answer: W.notFound(reference) });
          case "forbidden":
            return fieldErrors({ answer: result.message });
          case "closed":
            return fieldErrors({ answer: W.closedNoAnswers });
          case "empty":
            return fieldErrors({ answer: W.writeYourAnswer });
        }
      },
    },
  },
};
