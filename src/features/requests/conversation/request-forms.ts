import { randomUUID } from "node:crypto";
import type { Field, Form, FormState, FormValues } from "../../../conversation/form.js";
import { REQUEST_IDS } from "./request-ids.js";
import { section } from "../../../conversation/message.js";
import type { Actor } from "../../../core/actor.js";
import { openForm, type Reply, tell } from "../../../conversation/reply.js";
import { type RawRequestForm, REQUEST_FIELDS, type RequestField, toRawForm } from "../request-form.js";
import type { RequestService } from "../request-service.js";
import { REQUEST_WORDING as W } from "./request-wording.js";
import { euAiActDefinition } from "../../classification/classification-definition.js";
import { classificationFields, rawAnswersOf, storedAnswers } from "../../classification/conversation/classification-forms.js";

const single = (value: RawRequestForm[keyof RawRequestForm]) => (Array.isArray(value) ? value.join(",") : value) || undefined;

/** One request question as a form field, holding `value` when the form is shown again or prefilled. */
function field(question: RequestField, value: RawRequestForm[keyof RawRequestForm]): Field {
  const common = { id: question.id, label: question.label, optional: question.optional, hint: question.hint ?? ("placeholder" in question ? question.placeholder : undefined) };
  switch (question.kind) {
    case "text":
    case "url":
    case "long_text":
      return { ...common, kind: "text", multiline: question.kind === "long_text", maxLength: question.maxLength, initial: single(value) };
    case "number": {
      const number = Number(single(value));
      return { ...common, kind: "number", min: question.min, max: question.max, initial: single(value) && Number.isFinite(number) ? number : undefined };
    }
    case "multi_select":
      return { ...common, kind: "checkboxes", options: [...question.options], initial: Array.isArray(value) ? value : value ? [value] : undefined };
    case "yes_no":
    case "single_select":
      return { ...common, kind: "select", radio: true, options: [...question.options], initial: single(value) };
  }
}

/**
 * The request form, new or to edit. `id` is where it is submitted (each channel has its own); `state` carries the
 * form's key (`formId`, so a retried submit files one request) or the request being edited (`reference`).
 */
export function requestForm(options: { id: string; state: FormState; values?: RawRequestForm; editing?: string; approverAsked?: string | null }): Form {
  const intro = options.editing ? (options.approverAsked ? [W.approverAsked(options.approverAsked)] : []) : [W.formIntro];
  return {
    id: options.id,
    title: options.editing ? W.edit(options.editing) : W.formTitle,
    submit: W.submit,
    cancel: { label: W.cancel },
    intro: intro.map((text) => section([text])),
    state: options.state,
    fields: [
      ...REQUEST_FIELDS.map((question) => field(question, options.values?.[question.id])),
      // The EU AI Act classification (features/classification), asked with the request.
      ...classificationFields(euAiActDefinition(), options.values),
    ],
  };
}

/** A fresh request form; its id becomes the submission key, so a retried submit of it files one request. */
export const newRequestForm = (): Form => requestForm({ id: REQUEST_IDS.submit, state: { formId: randomUUID() } });

/** The answers as the request schema reads them, whichever chat sent them: lists for the data, text for the rest. */
export function rawRequestOf(values: FormValues): RawRequestForm {
  const own: RawRequestForm = Object.fromEntries(
    REQUEST_FIELDS.map((question) => {
      const raw = values.raw[question.id];
      return [question.id, question.kind === "multi_select" ? values.list(question.id) : raw === undefined || raw === null ? undefined : String(raw)];
    }),
  );
  return { ...own, ...rawAnswersOf(euAiActDefinition(), values) };
}

/**
 * "Edit and resubmit", the same in both chats: the form filled with the request as it stands and the approver's ask
 * on top, submitted to `id`; or why this person may not change it.
 */
export async function editRequest(requests: RequestService, actor: Actor, reference: string, id: string = REQUEST_IDS.resubmit): Promise<Reply> {
  const request = await requests.find(reference);
  if (!request) return tell(W.notFoundThat);
  const refusal = await requests.editRefusal(actor, request);
  if (refusal) return tell(refusal);
  const decision = await requests.latestDecision(request.id);
  return openForm(
    requestForm({ id, state: { reference: request.reference }, values: { ...toRawForm(request), ...storedAnswers(euAiActDefinition(), request.aiActClassification) }, editing: request.reference, approverAsked: decision?.reason }),
  );
}
