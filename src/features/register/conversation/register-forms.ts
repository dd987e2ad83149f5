import type { Form, FormValues } from "../../../conversation/form.js";
import { section } from "../../../conversation/message.js";
import type { AiSystem } from "../../../db/generated/client.js";
import { DATA_CATEGORIES } from "../../requests/request-form.js";
import { DETAIL_LIMITS, HOSTING, type RawDetails } from "../register-details-form.js";
import { REGISTER_IDS } from "./register-ids.js";
import { REGISTER_WORDING as W } from "./register-wording.js";

const text = (id: keyof typeof DETAIL_LIMITS, initial: string | null, options: { multiline?: boolean; optional?: boolean } = {}) => ({
  id,
  kind: "text" as const,
  label: W.labels[id],
  maxLength: DETAIL_LIMITS[id],
  optional: options.optional ?? true,
  multiline: options.multiline,
  initial: initial ?? undefined,
});

/** The register details form, filled with the entry as it is; saved against the version shown (`seen`). */
export function detailsForm(system: AiSystem, seen: string = system.updatedAt.toISOString()): Form {
  return {
    id: REGISTER_IDS.forms.details,
    title: W.detailsTitle(system.reference),
    submit: "Save",
    cancel: { label: "Cancel" },
    intro: [section([W.detailsIntro])],
    state: { reference: system.reference, seen },
    fields: [
      text("modelName", system.modelName),
      text("modelVersion", system.modelVersion),
      { id: "hosting", kind: "select", radio: true, label: W.labels.hosting, optional: true, options: [...HOSTING], initial: system.hosting ?? undefined },
      text("hostingRegion", system.hostingRegion),
      text("operators", system.operators),
      { id: "dataCategories", kind: "checkboxes", label: W.labels.dataCategories, options: [...DATA_CATEGORIES], initial: system.dataCategories },
      text("guidanceUrl", system.guidanceUrl),
      text("conditionsOfUse", system.conditionsOfUse, { multiline: true }),
      text("reason", null, { optional: false }),
    ],
  };
}

export function readDetails(values: FormValues): RawDetails {
  const ids = ["modelName", "modelVersion", "hosting", "hostingRegion", "operators", "guidanceUrl", "conditionsOfUse", "reason"] as const;
  return { ...Object.fromEntries(ids.map((id) => [id, values.text(id)])), dataCategories: values.list("dataCategories") };
}

/** Suspend, resume or retire: a reason, always. */
export function lifecycleForm(system: Pick<AiSystem, "reference">, change: string): Form {
  return {
    id: REGISTER_IDS.forms.lifecycle,
    title: W.lifecycleTitle[change] ?? change,
    submit: W.lifecycleTitle[change] ?? change,
    cancel: { label: "Cancel" },
    intro: [section([W.lifecycleIntro[change]?.(system.reference) ?? ""])],
    state: { reference: system.reference, change },
    fields: [{ id: "reason", kind: "text", label: W.lifecycleReason, multiline: true, maxLength: DETAIL_LIMITS.reason }],
  };
}
