import type { Form } from "../../../conversation/form.js";
import { section } from "../../../conversation/message.js";
import { MESSAGE_MAX } from "../concern-form.js";
import { TRIAGE_IDS } from "./triage-ids.js";
import { CONCERN_WORDING as W } from "./concern-wording.js";

/** The triage steps that take input: a question, an assignee, an outcome with reasons. */
export function triageForms(reference: string): Record<"ask" | "assign" | "close", Form> {
  const common = { cancel: { label: W.cancel }, intro: [section([W.concernLine(reference)])], state: { reference } };
  return {
    ask: {
      ...common,
      id: TRIAGE_IDS.ask,
      title: W.ask.title,
      submit: W.ask.submit,
      fields: [{ kind: "text", id: "question", label: W.ask.label, multiline: true, maxLength: MESSAGE_MAX }],
    },
    assign: {
      ...common,
      id: TRIAGE_IDS.assign,
      title: W.assignForm.title,
      submit: W.assignForm.submit,
      fields: [{ kind: "person", id: "assignee", label: W.assignForm.label }],
    },
    close: {
      ...common,
      id: TRIAGE_IDS.close,
      title: W.close.title,
      submit: W.close.submit,
      fields: [
        {
          kind: "select",
          id: "outcome",
          label: W.close.outcome,
          radio: true,
          options: [
            { value: "resolved", label: W.resolvedOption },
            { value: "dismissed", label: W.dismissedOption },
          ],
        },
        { kind: "text", id: "reason", label: W.close.reason, multiline: true, maxLength: MESSAGE_MAX },
      ],
    },
  };
}
