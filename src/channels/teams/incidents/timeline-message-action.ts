import type { Actor } from "../../../core/actor.js";
import { type FieldErrors, FormValues } from "../../../conversation/form.js";
import { replyText } from "../../../conversation/reply.js";
import { incidentCapability } from "../../../features/incidents/conversation/incident-capability.js";
import { timelineNoteForm } from "../../../features/incidents/conversation/incident-forms.js";
import { INCIDENT_IDS } from "../../../features/incidents/conversation/incident-ids.js";
import { INCIDENT_WORDING as W } from "../../../features/incidents/conversation/incident-wording.js";
import type { Incident } from "../../../db/generated/client.js";
import { adaptiveCard, submitAction, textBlock } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { cardInputs } from "../conversation/adaptive-card-inputs.js";
import { readCardValues } from "../conversation/adaptive-card-form.js";
import { teamsTurn } from "../conversation/teams-turn.js";
import { dialogCard, dialogMessage } from "../message-actions/dialog.js";
import { messageOf } from "../message-actions/quoted-message.js";
import type { MessageAction, MessageActionResponse, TeamsTurn } from "../transport/index.js";

/** The manifest's message action "Add to incident timeline" (composeExtensions command id). */
export const ADD_TO_TIMELINE_COMMAND = "addToIncidentTimeline";

/** The incident capability's timeline form in a dialog: a dialog submits with Action.Submit, not a verb. */
function timelineDialog(incidents: readonly Incident[], source: string, initial: { incident?: string; note?: string }, errors: FieldErrors = {}, problem?: string) {
  const form = timelineNoteForm(incidents, source, initial);
  const card = adaptiveCard(
    [...(problem ? [textBlock(problem, { color: "attention", weight: "bolder" })] : []), ...cardInputs(form.fields, errors)],
    [submitAction(form.submit, form.state ?? {}, "positive")],
  );
  return dialogCard(form.title, card);
}

/** Asks which open incident (preselecting the one announced in this conversation) and offers the message as the note. */
export async function fetchTimelineDialog(ctx: TeamsContext, turn: TeamsTurn, action: MessageAction): Promise<MessageActionResponse> {
  const conversationId = turn.activity.conversation?.id ?? "";
  const [incidents, here] = await Promise.all([ctx.core.incidents.listActive(), ctx.core.incidents.findByRoom("teams", conversationId)]);
  if (incidents.length === 0) return dialogMessage(W.noOpenIncident);
  const message = messageOf(action.messagePayload);
  const note = message.authorName ? `${message.authorName}: ${message.text}` : message.text;
  const incident = here && incidents.some((open) => open.id === here.id) ? here.reference : undefined;
  return timelineDialog(incidents, `teams:${conversationId}/${message.messageId ?? ""}`, { incident, note });
}

/** Adds the note through the incident capability; a refusal keeps the dialog open with what was typed. */
export async function submitTimelineDialog(ctx: TeamsContext, actor: Actor, action: MessageAction): Promise<MessageActionResponse> {
  const data = (action.data ?? {}) as Record<string, unknown>;
  const values = new FormValues(readCardValues(data));
  const state = { source: String(data.source ?? "") };
  const reply = await incidentCapability.forms[INCIDENT_IDS.timelineNote].submit(teamsTurn(ctx, actor), values, state);
  if (reply.kind !== "errors") return dialogMessage(reply.kind === "changed" ? W.noted(values.text("incident") ?? "") : replyText(reply));
  const initial = { incident: values.text("incident"), note: values.text("note") };
  return timelineDialog(await ctx.core.incidents.listActive(), state.source, initial, reply.errors, reply.problem);
}
