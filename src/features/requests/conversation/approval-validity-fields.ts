import type { Field, FormValues } from "../../../conversation/form.js";
import { VALIDITY_PERIODS, type RawValidity } from "../approval-validity.js";
import { REQUEST_WORDING as W } from "./request-wording.js";

/**
 * How long an approval holds, asked in the approve form of both chats (Slack's approve-with-conditions modal, the
 * Teams approvals card): a period or a date, both optional. Read back with `readValidity`, checked by `parseValidity`.
 */
export function validityFields(): Field[] {
  return [
    { id: "validFor", kind: "select", label: W.validForLabel, optional: true, options: VALIDITY_PERIODS.map((months) => ({ value: String(months), label: W.validForOption(months) })) },
    { id: "validUntil", kind: "date", label: W.validUntilLabel, optional: true, hint: W.validityHint },
  ];
}

export const readValidity = (values: FormValues): RawValidity => ({ validFor: values.text("validFor"), validUntil: values.text("validUntil") });
