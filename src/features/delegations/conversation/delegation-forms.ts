import type { Form } from "../../../conversation/form.js";
import { holderText } from "../../requests/conversation/request-views.js";
import { DELEGATION_IDS } from "./delegation-ids.js";
import { DELEGATION_WORDING as W } from "./delegation-wording.js";

/** Naming a delegate: `holders` are what this person decides now, the choices of what to delegate. */
export function delegationForm(holders: string[]): Form {
  return {
    id: DELEGATION_IDS.views.create,
    title: W.formTitle,
    submit: W.submit,
    intro: [{ kind: "section", lines: [W.formIntro] }],
    fields: [
      { kind: "person", id: "delegate", label: W.delegate },
      { kind: "select", id: "holder", label: W.holder, options: holders.map((holder) => ({ value: holder, label: holderText(holder) })), ...(holders.length === 1 ? { initial: holders[0] } : {}) },
      { kind: "date", id: "from", label: W.from },
      { kind: "date", id: "until", label: W.until, hint: W.untilHint },
      { kind: "text", id: "reason", label: W.reason, hint: W.reasonHint, multiline: true, maxLength: 500 },
    ],
  };
}
