import type { KnownBlock, ModalView } from "@slack/types";
import type { AiSystem } from "../../../../db/generated/client.js";
import {
  EXTERNAL_PARTIES,
  HARMED_PARTIES,
  INCIDENT_LIMITS,
  SEVERITIES,
} from "../../../../features/incidents/incident-form.js";
import { SLACK_IDS } from "../../ids.js";
import { truncate } from "../../blocks/text.js";
import { checkboxes, input, plain, radios, textInput } from "./modal-parts.js";

/** Slack allows at most 100 options in a static select. */
const MAX_REGISTER_OPTIONS = 100;

function registerSelect(systems: readonly AiSystem[]): KnownBlock[] {
  if (systems.length === 0) return [];
  const options = systems.slice(0, MAX_REGISTER_OPTIONS).map((system) => ({
    value: system.reference,
    label: truncate(`${system.name} (${system.reference})`, 75),
  }));
  return [
    input("aiSystem", "Affected AI system", { type: "static_select", placeholder: plain("Choose from the register"), options: options.map((o) => ({ text: plain(o.label), value: o.value })) }, { optional: true }),
  ];
}

/** The incident report form (A.8.4). `privateMetadata` is the submission's idempotency key. */
export function incidentModal(options: { privateMetadata: string; systems: readonly AiSystem[]; now: Date }): ModalView {
  const hasRegister = options.systems.length > 0;
  return {
    type: "modal",
    callback_id: SLACK_IDS.incidents.views.report,
    private_metadata: options.privateMetadata,
    title: plain("Report an AI incident"),
    submit: plain("Report"),
    close: plain("Cancel"),
    blocks: [
      input("title", "Title", textInput(INCIDENT_LIMITS.title, { placeholder: "e.g. Chatbot gave customers wrong refund rules" })),
      ...registerSelect(options.systems),
      input(
        "aiSystemOther",
        hasRegister ? "Or, if it is not in the register, name it" : "Affected AI system",
        textInput(INCIDENT_LIMITS.affectedSystem),
        { optional: hasRegister },
      ),
      input("description", "What happened?", textInput(INCIDENT_LIMITS.description, { multiline: true }), {
        hint: "Facts first: what the AI system did, who noticed, what the effect was.",
      }),
      input("detectedAt", "When was it detected?", {
        type: "datetimepicker",
        initial_date_time: Math.floor(options.now.getTime() / 1000),
      }),
      input("severity", "Severity", radios(SEVERITIES)),
      input("harmedParties", "Who was or may be harmed?", checkboxes(HARMED_PARTIES), {
        optional: true,
        hint: "Leave empty if no one is known to be affected yet.",
      }),
      input("containment", "Immediate containment taken", textInput(INCIDENT_LIMITS.containment, { multiline: true }), {
        hint: "For example: feature switched off, model rolled back. Write \"none yet\" if nothing was done.",
      }),
      input("externalReporting", "May it need reporting outside the organisation?", checkboxes(EXTERNAL_PARTIES), {
        optional: true,
        hint: "Tick anyone who may need to be told. The responders record the decision.",
      }),
    ],
  };
}
