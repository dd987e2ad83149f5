import { z } from "zod";
import { optionalText, parseForm, requiredText, type FieldErrorsOf, type RawForm } from "./form-text.js";

export const EXTERNAL_RECIPIENTS = [
  { value: "regulator", label: "A regulator or authority" },
  { value: "customers", label: "Customers" },
  { value: "other", label: "Someone else outside the organisation" },
] as const;

export const EXTERNAL_OUTCOMES = [
  { value: "report", label: "Report it to them" },
  { value: "do_not_report", label: "Do not report it to them" },
] as const;

type Recipient = (typeof EXTERNAL_RECIPIENTS)[number]["value"];
type Outcome = (typeof EXTERNAL_OUTCOMES)[number]["value"];

/** A decision whether to report an incident outside the organisation (ISO 42001 A.8.3). */
export const externalReportSchema = z
  .object({
    recipient: z.enum(EXTERNAL_RECIPIENTS.map((r) => r.value) as [Recipient, ...Recipient[]], {
      error: "Choose who this decision is about",
    }),
    recipientDetail: optionalText("Who exactly", 200),
    outcome: z.enum(EXTERNAL_OUTCOMES.map((o) => o.value) as [Outcome, ...Outcome[]], { error: "Choose the decision" }),
    reason: requiredText("Reason", 5, 1000),
  })
  .superRefine((form, ctx) => {
    if (form.recipient === "other" && !form.recipientDetail) {
      ctx.addIssue({ code: "custom", path: ["recipientDetail"], message: "Say who, when it is someone else" });
    }
  });

export type ExternalReportInput = z.output<typeof externalReportSchema>;
export type ExternalReportField = keyof ExternalReportInput;
export type RawExternalReportForm = RawForm<ExternalReportField>;
export type ExternalReportFieldErrors = FieldErrorsOf<ExternalReportField>;

export function parseExternalReportForm(raw: RawExternalReportForm) {
  return parseForm(externalReportSchema, raw);
}
