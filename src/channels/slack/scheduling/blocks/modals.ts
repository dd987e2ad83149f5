import type { ModalView } from "../../blocks/types.js";
import { truncate } from "../../blocks/text.js";
import type { Objective, ReviewSchedule } from "../../../../db/generated/client.js";
import { REVIEW_KIND_NAMES, REVIEW_KINDS } from "../../../../features/reviews/review-kinds.js";
import { SCHEDULING_IDS } from "../scheduling-ids.js";

/** The action_id of every input; the block_id is the field name. */
export const FIELD = "value";
const views = SCHEDULING_IDS.views;

const plain = (text: string) => ({ type: "plain_text" as const, text });
const option = (value: string, label: string) => ({ text: plain(label), value });

type Element = Record<string, unknown>;
const input = (field: string, label: string, element: Element, optional = false) => ({
  type: "input" as const,
  block_id: field,
  label: plain(label),
  optional,
  element: { action_id: FIELD, ...element },
});
const text = (initial?: string, multiline = false, max = 200) => ({ type: "plain_text_input", multiline, max_length: max, ...(initial ? { initial_value: initial } : {}) });
const date = (initial?: Date) => ({ type: "datepicker", ...(initial ? { initial_date: initial.toISOString().slice(0, 10) } : {}) });
const user = (initial?: string) => ({ type: "users_select", ...(initial ? { initial_user: initial } : {}) });
const number = (decimal: boolean, initial?: number) => ({ type: "number_input", is_decimal_allowed: decimal, ...(initial !== undefined ? { initial_value: String(initial) } : {}) });

function modal(callbackId: string, title: string, submit: string, metadata: string, blocks: unknown[]): ModalView {
  return { type: "modal", callback_id: callbackId, title: plain(truncate(title, 24)), submit: plain(submit), close: plain("Cancel"), private_metadata: metadata, blocks: blocks as ModalView["blocks"] };
}

const intro = (line: string) => ({ type: "section" as const, text: { type: "mrkdwn" as const, text: truncate(line, 3000) } });

export function markDoneModal(occurrenceKey: string, title: string): ModalView {
  return modal(views.markDone, "Mark done", "Mark done", occurrenceKey, [
    intro(`*${title}*\nAdd a note or a link as evidence (ISO 42001 7.5).`),
    input("note", "What was done", text(undefined, true, 2000), true),
    input("link", "Link to the evidence", { type: "url_text_input" }, true),
  ]);
}

export function reassignModal(occurrenceKey: string, title: string): ModalView {
  return modal(views.reassign, "Reassign", "Reassign", occurrenceKey, [intro(`*${title}*`), input("owner", "New owner", user())]);
}

export function checkInModal(occurrenceKey: string, objective: Objective): ModalView {
  const target = `${objective.targetValue}${objective.unit ? ` ${objective.unit}` : ""}`;
  return modal(views.checkIn, "Check in", "Record", occurrenceKey, [
    intro(`*${objective.reference}: ${objective.title}*\nTarget: ${objective.target} (${target})`),
    input("progress", "How is it going?", {
      type: "radio_buttons",
      options: [option("on_track", "On track"), option("at_risk", "At risk"), option("off_track", "Off track")],
    }),
    input("value", `Progress towards ${target}`, number(true, objective.currentValue ?? undefined)),
    input("note", "Note", text(undefined, true, 2000), true),
  ]);
}

export function objectiveModal(): ModalView {
  return modal(views.objective, "New objective", "Add", "", [
    input("title", "Objective", text()),
    input("target", "How it is measured", text(undefined, false, 300)),
    input("targetValue", "Target value", number(true)),
    input("unit", "Unit (%, count ...)", text(undefined, false, 30), true),
    input("ownerId", "Owner", user()),
    input("dueAt", "Due date", date()),
    input("cadence", "Check-in cadence", {
      type: "static_select",
      options: [option("weekly", "Weekly"), option("monthly", "Monthly"), option("quarterly", "Quarterly")],
      initial_option: option("monthly", "Monthly"),
    }),
  ]);
}

export function reviewScheduleModal(schedule?: ReviewSchedule): ModalView {
  const kinds = REVIEW_KIND_NAMES.map((kind) => option(kind, REVIEW_KINDS[kind].label));
  return modal(views.reviewSchedule, schedule ? `Edit ${schedule.reference}` : "New review schedule", "Save", schedule?.reference ?? "", [
    input("kind", "Kind of review", { type: "static_select", options: kinds, ...(schedule ? { initial_option: kinds.find((k) => k.value === schedule.kind) } : {}) }),
    input("title", "Name", text(schedule?.title, false, 150)),
    input("ownerId", "Owner", user(schedule?.ownerId)),
    input("intervalMonths", "Every how many months", number(false, schedule?.intervalMonths ?? 12)),
    input("nextDueAt", "Next due", date(schedule?.nextDueAt)),
  ]);
}

type StateValue = { type: string; value?: string | null; selected_user?: string | null; selected_date?: string | null; selected_option?: { value: string } | null };

/** Every input's value by block id, whatever the element type. */
export function readModalValues(values: Record<string, Record<string, StateValue>>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(values).map(([block, actions]) => {
      const state = actions[FIELD];
      const value = state?.value ?? state?.selected_user ?? state?.selected_date ?? state?.selected_option?.value ?? undefined;
      return [block, value ?? undefined];
    }),
  );
}
