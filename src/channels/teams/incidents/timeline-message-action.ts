import type { MessagingExtensionAction, MessagingExtensionActionResponse, TurnContext } from "botbuilder";
import type { Actor } from "../../../core/actor.js";
import type { Incident } from "../../../db/generated/client.js";
import { NOTE_MAX_LENGTH } from "../../../features/incidents/incident-service.js";
import { adaptiveCard, submitAction, textBlock } from "../cards/adaptive-card.js";
import { truncate } from "../cards/text.js";
import type { TeamsContext } from "../context.js";
import { dialogCard, dialogMessage } from "../message-actions/dialog.js";
import { messageOf } from "../message-actions/quoted-message.js";
import { choiceInput, readText, textInput } from "./card-inputs.js";

/** The manifest's message action "Add to incident timeline" (composeExtensions command id). */
export const ADD_TO_TIMELINE_COMMAND = "addToIncidentTimeline";
const TITLE = "Add to incident timeline";

interface TimelineDialog {
  incidents: readonly Incident[];
  incident?: string;
  note: string;
  source: string;
  errors?: { incident?: string; note?: string };
  problem?: string;
}

function timelineCard(dialog: TimelineDialog) {
  return adaptiveCard(
    [
      ...(dialog.problem ? [textBlock(dialog.problem, { color: "attention", weight: "bolder" })] : []),
      ...choiceInput("incident", {
        label: "Incident",
        required: true,
        compact: true,
        choices: dialog.incidents.map((incident) => ({ value: incident.reference, label: truncate(`${incident.reference}: ${incident.title}`, 100) })),
        value: dialog.incident,
        error: dialog.errors?.incident,
      }),
      ...textInput("note", { label: "Note", required: true, multiline: true, maxLength: NOTE_MAX_LENGTH, value: dialog.note, error: dialog.errors?.note }),
    ],
    [submitAction("Add", { source: dialog.source }, "positive")],
  );
}

/** Asks which open incident (preselecting the one announced in this conversation) and offers the message as the note. */
export async function fetchTimelineDialog(ctx: TeamsContext, turn: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
  const conversationId = turn.activity.conversation?.id ?? "";
  const [incidents, here] = await Promise.all([ctx.core.incidents.listActive(), ctx.core.incidents.findByRoom("teams", conversationId)]);
  if (incidents.length === 0) return dialogMessage("There is no open incident to add this message to.");
  const message = messageOf(action.messagePayload);
  const note = message.authorName ? `${message.authorName}: ${message.text}` : message.text;
  const incident = here && incidents.some((open) => open.id === here.id) ? here.reference : undefined;
  return dialogCard(TITLE, timelineCard({ incidents, incident, note, source: `teams:${conversationId}/${message.messageId ?? ""}` }));
}

/** Adds the note; a refusal (closed incident, empty or long note) keeps the dialog open with what was typed. */
export async function submitTimelineDialog(ctx: TeamsContext, actor: Actor, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
  const data = (action.data ?? {}) as Record<string, unknown>;
  const dialog = { incident: readText(data, "incident"), note: readText(data, "note") ?? "", source: String(data.source ?? "") };
  const again = async (extra: Pick<TimelineDialog, "errors" | "problem">) =>
    dialogCard(TITLE, timelineCard({ ...dialog, incidents: await ctx.core.incidents.listActive(), ...extra }));
  if (!dialog.incident) return again({ errors: { incident: "Choose the incident" } });
  const result = await ctx.core.incidents.addNote(actor, dialog.incident, dialog.note, dialog.source || undefined);
  if (result.kind !== "added") return again({ problem: result.message });
  return dialogMessage(`Added to the timeline of ${result.incident.reference}.`);
}
