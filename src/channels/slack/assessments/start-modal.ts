import type { KnownBlock, ModalView } from "@slack/types";
import type { AiSystem, AiToolRequest, ImpactAssessment } from "../../../db/generated/client.js";
import { escapeMrkdwn, truncate } from "../blocks/text.js";
import { ASSESSMENT_IDS } from "./ids.js";

export const START_BLOCKS = { subject: "subject", trigger: "trigger", change: "change" } as const;
export const START_ACTION = "value";

const option = (value: string, label: string) => ({ text: { type: "plain_text" as const, text: truncate(label, 75) }, value });

/** `/aims assess`: continue a draft, or pick a system from the register or a pending request. */
export function startModal(input: { drafts: ImpactAssessment[]; requests: AiToolRequest[]; systems: AiSystem[]; stepCount: number }): ModalView {
  const blocks: KnownBlock[] = input.drafts.map((draft) => ({
    type: "section",
    text: {
      type: "mrkdwn",
      text: `*${draft.reference}* · ${draft.status === "sent_back" ? "sent back for changes" : "draft"} · step ${Math.min(draft.currentStep + 1, input.stepCount)} of ${input.stepCount}${draft.reviewComments && draft.status === "sent_back" ? `\n>${escapeMrkdwn(truncate(draft.reviewComments, 300))}` : ""}`,
    },
    accessory: { type: "button", action_id: ASSESSMENT_IDS.actions.resume, text: { type: "plain_text", text: "Resume" }, value: draft.reference },
  }));
  const groups = [
    { label: "Pending requests", options: input.requests.map((request) => option(request.reference, `${request.reference} ${request.toolName}`)) },
    { label: "AI systems (register)", options: input.systems.map((system) => option(system.reference, `${system.reference} ${system.name}`)) },
  ].filter((group) => group.options.length > 0);
  if (groups.length === 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: "There is nothing to assess yet: the register is empty and no request is pending." } });
    return { type: "modal", callback_id: ASSESSMENT_IDS.views.start, title: { type: "plain_text", text: "Impact assessment" }, close: { type: "plain_text", text: "Close" }, blocks };
  }
  if (input.drafts.length > 0) blocks.push({ type: "divider" });
  blocks.push(
    {
      type: "input",
      block_id: START_BLOCKS.subject,
      label: { type: "plain_text", text: "Which AI system or request?" },
      element: {
        type: "static_select",
        action_id: START_ACTION,
        placeholder: { type: "plain_text", text: "Choose one" },
        option_groups: groups.map((group) => ({ label: { type: "plain_text", text: group.label }, options: group.options })),
      },
    },
    {
      type: "input",
      block_id: START_BLOCKS.trigger,
      label: { type: "plain_text", text: "Why now?" },
      element: {
        type: "radio_buttons",
        action_id: START_ACTION,
        initial_option: option("initial", "A new assessment"),
        options: [option("initial", "A new assessment"), option("significant_change", "Something changed (re-assess from the last one)")],
      },
    },
    {
      type: "input",
      block_id: START_BLOCKS.change,
      optional: true,
      label: { type: "plain_text", text: "What changed?" },
      hint: { type: "plain_text", text: "E.g. a new model or vendor, new kinds of data, new users or new decisions." },
      element: { type: "plain_text_input", action_id: START_ACTION, multiline: true, max_length: 1000 },
    },
  );
  return {
    type: "modal",
    callback_id: ASSESSMENT_IDS.views.start,
    title: { type: "plain_text", text: "Impact assessment" },
    submit: { type: "plain_text", text: "Start" },
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
    title: { type: "plain_text", text: "Send back" },
    submit: { type: "plain_text", text: "Send back" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `Sending *${target.reference}* back to the assessor. They will see your comments.` } },
      {
        type: "input",
        block_id: COMMENTS_BLOCK,
        label: { type: "plain_text", text: "What should change?" },
        element: { type: "plain_text_input", action_id: START_ACTION, multiline: true, max_length: 2000 },
      },
    ],
  };
}
