import { actions, context, type Message, person, section, truncate } from "../../../conversation/message.js";
import type { LinkAnswer } from "../link-answer-service.js";
import { LINK_ANSWER_IDS as IDS } from "./link-answer-ids.js";
import { LINK_ANSWER_WORDING as W } from "./link-answer-wording.js";


/** What the person who shared a link to an AI tool sees, and only them. */
export function linkAnswerView(answer: LinkAnswer): Message {
  const { tool } = answer;
  switch (answer.kind) {
    case "approved":
      return {
        id: "link_answers.answer",
        title: W.title,
        summary: W.approvedSummary(tool.name),
        blocks: [
          section([
            W.approved(tool.name, answer.reference),
            W.approvedPurpose(answer.purpose),
            ...(answer.conditions.length ? [W.conditions(truncate(answer.conditions.join("; "), 1000))] : []),
            ...(answer.conditionsOfUse ? [W.conditionsOfUse(truncate(answer.conditionsOfUse, 1000))] : []),
          ]),
          context(W.approvedOwner(person(answer.owner))),
          context(W.onlyYou),
        ],
      };
    case "pending":
      return {
        id: "link_answers.answer",
        title: W.title,
        summary: W.pendingSummary(tool.name),
        blocks: [section([answer.status === "pending" ? W.pending(tool.name, answer.reference) : W.changesRequested(tool.name, answer.reference)]), context(W.onlyYou)],
      };
    case "suspended":
    case "retired":
    case "expired":
      return {
        id: "link_answers.answer",
        title: W.title,
        summary: W.notInUseSummary(tool.name, answer.kind),
        blocks: [section([W.notInUse(tool.name, answer.reference, answer.kind), ...(answer.reason ? [W.because(truncate(answer.reason, 500))] : [])], { tone: "warning" }), context(W.onlyYou)],
      };
    case "not_yet":
      return {
        id: "link_answers.answer",
        title: W.title,
        summary: W.notYetSummary(tool.name),
        blocks: [
          section([W.notYet(tool.name, tool.vendor)], { tone: "warning" }),
          actions([{ label: W.requestIt, action: IDS.request, style: "primary", value: { name: tool.name, vendor: tool.vendor, url: tool.url } }]),
          context(W.onlyYou),
        ],
      };
  }
}
