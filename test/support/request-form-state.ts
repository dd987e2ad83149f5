import { FIELD_ACTION } from "../../src/channels/slack/conversation/block-kit-form.js";
import type { RawRequestForm } from "../../src/features/requests/request-form.js";
import { stateValues } from "./slack-requests.js";

export const VALID_REQUEST: RawRequestForm = {
  toolName: "Otter Transcribe",
  vendor: "Otter.ai",
  url: "https://otter.ai",
  purpose: "Transcribe internal team meetings so people who missed them can catch up.",
  intendedUsers: "Product team",
  userCount: "12",
  dataCategories: ["internal"],
  customerFacing: "no",
  decidesAboutPeople: "no",
  orgRole: "ai_user",
  // The EU AI Act classification asked with the request: a deployer of a minimal-risk tool.
  aiact_role: "deployer",
  aiact_prohibited: ["none"],
  aiact_annex_iii: ["none"],
  aiact_annex_i: "no",
  aiact_transparency: ["none"],
  aiact_gpai: "no",
};

/** The `state.values` Slack sends when the request modal is submitted with these answers. */
export function requestFormState(form: RawRequestForm) {
  const value = (type: string, v: string | undefined) => ({ type, value: v ?? null });
  const selected = (type: string, v: string | undefined) => ({ type, selected_option: v ? { value: v } : null });
  return stateValues({
    toolName: { [FIELD_ACTION]: value("plain_text_input", form.toolName as string) },
    vendor: { [FIELD_ACTION]: value("plain_text_input", form.vendor as string) },
    url: { [FIELD_ACTION]: value("url_text_input", form.url as string) },
    purpose: { [FIELD_ACTION]: value("plain_text_input", form.purpose as string) },
    intendedUsers: { [FIELD_ACTION]: value("plain_text_input", form.intendedUsers as string) },
    userCount: { [FIELD_ACTION]: value("number_input", form.userCount as string) },
    dataCategories: {
      [FIELD_ACTION]: { type: "checkboxes", selected_options: ((form.dataCategories as string[]) ?? []).map((v) => ({ value: v })) },
    },
    customerFacing: { [FIELD_ACTION]: selected("radio_buttons", form.customerFacing as string) },
    decidesAboutPeople: { [FIELD_ACTION]: selected("radio_buttons", form.decidesAboutPeople as string) },
    orgRole: { [FIELD_ACTION]: selected("radio_buttons", form.orgRole as string) },
    ...Object.fromEntries(
      Object.entries(form)
        .filter(([id]) => id.startsWith("aiact_"))
        .map(([id, v]) => [
          id,
          { [FIELD_ACTION]: Array.isArray(v) ? { type: "checkboxes", selected_options: v.map((value) => ({ value })) } : selected("radio_buttons", v) },
        ]),
    ),
  });
}
