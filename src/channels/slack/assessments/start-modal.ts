import { ASSESSMENT_WORDING } from "../../../features/assessments/conversation/assessment-wording.js";
import type { KnownBlock, ModalView } from "@slack/types";
import type { AiSystem, AiToolRequest, ImpactAssessment } from "../../../db/generated/client.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";
import { ASSESSMENT_IDS } from "./ids.js";

export const START_BLOCKS = { subject: "subject", trigger: "trigger", change: "change" } as const;
export const START_ACTION = "value";

const W = ASSESSMENT_WORDING.picker;
const option = (value: string, label: string) => ({ text: { type: "plain_text" as const, text: truncate(label, 75) }, value });

/** `/aims assess`: continue a draft, or pick a system from the register or a pending request. */
export function startModal(input: { drafts: ImpactAssessment[]; requests: AiToolRequest[]; systems: AiSystem[]; stepCount: number }): ModalView {
  const blocks: KnownBlock[] = input.drafts.map((draft) => ({
    type: "section",
    text: {
      type: "mrkdwn",
      text: `*${draft.reference}* · ${W.draftState(draft.status)} · ${W.draftStep(Math.min(draft.currentStep + 1, input.stepCount), input.stepCount)}${draft.reviewComments && draft.status === "sent_back" ? `\n>${escapeMrkdwn(truncate(draft.reviewComments, 300))}` : ""}`,
    },
    accessory: { type: "button", action_id: ASSESSMENT_IDS.actions.resume, text: { type: "plain_text", text: W.resume }, value: draft.reference },
  }));
  const groups = [
    { label: "Pending requests", options: input.requests.map((request) => option(request.reference, `${request.reference} ${request.toolName}`)) },
    { label: "AI systems (register)", options: input.systems.map((system) => option(system.reference, `${system.reference} ${system.name}`)) },
  ].filter((group) => group.options.length > 0);
  if (groups.length === 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: W.nothingToAssess } });
    return { type: "modal", callback_id: ASSESSMENT_IDS.views.start, title: { type: "plain_text", text: ASSESSMENT_WORDING.title }, close: { type: "plain_text", text: "Close" }, blocks };
  }
  if (input.drafts.length > 0) blocks.push({ type: "divider" });
  blocks.push(
    {
      type: "input",
      block_id: START_BLOCKS.subject,
      label: { type: "plain_text", text: W.subject },
      element: {
        type: "static_select",
        action_id: START_ACTION,
        placeholder: { type: "plain_text", text: W.choose },
        option_groups: groups.map((group) => ({ label: { type: "plain_text", text: group.label }, options: group.options })),
      },
    },
    {
      type: "input",
      block_id: START_BLOCKS.trigger,
      label: { type: "plain_text", text: W.trigger },
      element: {
        type: "radio_buttons",
        action_id: START_ACTION,
        initial_option: option("initial", W.initial),
        options: [option("initial", W.initial), option("significant_change", W.significantChange)],
      },
    },
    {
      type: "input",
      block_id: START_BLOCKS.change,
      optional: true,
      label: { type: "plain_text", text: "What changed?" },
      hint: { type: "plain_text", text: W.changeHint },
      element: { type: "plain_text_input", action_id: START_ACTION, multiline: true, max_length: 1000 },
    },
  );
  return {
    type: "modal",
    callback_id: ASSESSMENT_IDS.views.start,
    title: { type: "plain_text", text: ASSESSMENT_WORDING.title },
    submit: { type: "plain_text", text: W.start },
    close: { type: "plain_text", text: "Close" },
    blocks,
  };
}

export const COMMENTS_BLOCK = "comments";

export function sendBackModal(target: { reference: string; round: number }): ModalView {
  return {
    type: "modal",
    callback_id: ASSESSMENT_IDS.views.sendBack,
    private_metadata: JSON.stringify(target),
    title: { type: "plain_text", text: ASSESSMENT_WORDING.signOff.sendBack },
    submit: { type: "plain_text", text: ASSESSMENT_WORDING.signOff.sendBack },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `Sending *${target.reference}* back to the assessor. They will see your comments.` } },
      {
        type: "input",
        block_id: COMMENTS_BLOCK,
        label: { type: "plain_text", text: ASSESSMENT_WORDING.signOff.whatShouldChange },
        element: { type: "plain_text_input", action_id: START_ACTION, multiline: true, max_length: 2000 },
      },
    ],
  };
}
