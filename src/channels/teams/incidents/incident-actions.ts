import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import { randomUUID } from "node:crypto";
import type { Incident } from "../../../db/generated/client.js";
import type { IncidentDetails } from "../../../features/incidents/incident-service.js";
import { isIncidentStatus, transitionRefusal } from "../../../features/incidents/incident-status.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { adaptiveCard, cardResponse, messageResponse, textBlock, type AdaptiveCard } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { failureMessage } from "../reply.js";
import { truncate } from "../cards/text.js";
import { timeZoneOf } from "./detected-at.js";
import {
  closingCard,
  correctiveActionCard,
  externalReportCard,
  readClosingForm,
  readCorrectiveActionForm,
  readExternalReportForm,
} from "./follow-up-cards.js";
import { incidentFormCard, readIncidentForm } from "./incident-form-card.js";
import { incidentSummaryCard } from "./incident-summary-card.js";
import { INCIDENT_VERBS } from "./incident-verbs.js";

type Args = Parameters<CardActionHandler>[0];

const referenceOf = (data: Record<string, unknown>) => String(data.reference ?? "").toUpperCase();

/** Runs a handler, telling the person (and the log, under an error id) when something unexpected failed. */
function guarded(name: string, handler: CardActionHandler): CardActionHandler {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      return messageResponse(failureMessage(error, args.ctx.logger, { verb: name, reference: args.data.reference }));
    }
  };
}

async function summaryResponse(ctx: TeamsContext, reference: string) {
  const details = await ctx.core.incidents.details(reference);
  return details ? cardResponse(incidentSummaryCard(details)) : messageResponse(`There is no incident ${reference}.`);
}

export function receiptCard(incident: Incident, announced: boolean) {
  const where = announced ? " It is announced in the incidents conversation, where the responders follow it." : "";
  return adaptiveCard([
    textBlock(`Thank you. Your incident report is recorded as **${incident.reference}**: ${truncate(incident.title, 200)}.${where}`),
    textBlock(`Send **incident note ${incident.reference} <text>** to add to its timeline.`, { subtle: true }),
  ]);
}

/** The report form's button. Invalid input comes back as the form with the errors and what was typed. */
const report: CardActionHandler = async ({ ctx, turn, actor, data }) => {
  const formId = typeof data.formId === "string" && data.formId ? data.formId : randomUUID();
  const { form, detected } = readIncidentForm(data, timeZoneOf(turn.activity));
  const formAgain = async (extra: { errors?: Record<string, string>; problem?: string }) =>
    cardResponse(incidentFormCard({ formId, systems: await ctx.core.incidents.affectableSystems(), detected, values: form, ...extra }));
  try {
    const result = await ctx.core.incidents.report(actor, form, `teams:${formId}`);
    if (!result.ok) return await formAgain({ errors: result.errors as Record<string, string>, problem: FIX_MARKED_ANSWERS });
    return cardResponse(receiptCard(result.incident, Boolean(ctx.teams.incidentsConversation)));
  } catch (error) {
    return formAgain({ problem: failureMessage(error, ctx.logger, { verb: INCIDENT_VERBS.report }) });
  }
};

const changeStatus: CardActionHandler = async ({ ctx, actor, data }) => {
  const reference = referenceOf(data);
  const to = String(data.to ?? "");
  if (!isIncidentStatus(to)) return messageResponse("That button is out of date. Please use the latest card.");
  const result = await ctx.core.incidents.changeStatus(actor, reference, to);
  switch (result.kind) {
    case "changed":
      return summaryResponse(ctx, reference);
    case "closing_needs_form":
      return openForm("close")({ ctx, actor, data } as Args);
    default:
      return messageResponse(result.message);
  }
};

type FormKind = "close" | "corrective_action" | "external_report";

/** Why this person may not use this form now, or null. The core checks again when the form is submitted. */
async function formRefusal(ctx: TeamsContext, actor: Args["actor"], incident: IncidentDetails, form: FormKind): Promise<string | null> {
  const refusal = await ctx.core.incidents.changeRefusal(actor, incident);
  if (refusal) return refusal;
  if (form !== "external_report" && incident.status === "closed") return `${incident.reference} is closed, so its record is final.`;
  return form === "close" ? transitionRefusal(incident.reference, incident.status, "closed") : null;
}

/** "Close incident", "Add corrective action", "External reporting decision": the form, for the person who clicked. */
export function openForm(form: FormKind): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const reference = referenceOf(data);
    const incident = await ctx.core.incidents.details(reference);
    if (!incident) return messageResponse(`There is no incident ${reference}.`);
    const refusal = await formRefusal(ctx, actor, incident, form);
    if (refusal) return messageResponse(refusal);
    if (form === "close") return cardResponse(closingCard(incident, incident.correctiveActions.filter((a) => a.status !== "cancelled").length));
    return cardResponse(form === "corrective_action" ? correctiveActionCard(incident) : externalReportCard(incident));
  };
}

/** A submitted follow-up form: the summary as it now stands, or the form again with errors or the refusal. */
function submitForm<V, R extends { kind: string; message?: string; errors?: Partial<Record<string, string>> }>(
  read: (data: Record<string, unknown>) => V,
  save: (ctx: TeamsContext, actor: Args["actor"], reference: string, values: V) => Promise<R>,
  again: (ctx: TeamsContext, incident: Incident, state: { values: V; errors?: Partial<Record<string, string>>; problem?: string }) => Promise<AdaptiveCard> | AdaptiveCard,
): CardActionHandler {
  return async ({ ctx, actor, data }) => {
    const reference = referenceOf(data);
    const values = read(data);
    const result = await save(ctx, actor, reference, values);
    if (result.kind === "invalid" || result.kind === "refused" || result.kind === "forbidden") {
      const incident = await ctx.core.incidents.find(reference);
      if (!incident) return messageResponse(`There is no incident ${reference}.`);
      return result.kind === "invalid"
        ? cardResponse(await again(ctx, incident, { values, errors: result.errors, problem: FIX_MARKED_ANSWERS }))
        : messageResponse(result.message ?? "");
    }
    if (result.kind === "not_found") return messageResponse(result.message ?? `There is no incident ${reference}.`);
    return summaryResponse(ctx, reference);
  };
}

const close = submitForm(
  readClosingForm,
  (ctx, actor, reference, form) => ctx.core.incidents.close(actor, reference, form),
  async (ctx, incident, state) => {
    const existing = await ctx.core.prisma.correctiveAction.count({ where: { incidentId: incident.id, status: { not: "cancelled" } } });
    return closingCard(incident, existing, state);
  },
);

export const INCIDENT_ACTIONS: Record<(typeof INCIDENT_VERBS)[keyof typeof INCIDENT_VERBS], CardActionHandler> = {
  [INCIDENT_VERBS.report]: report,
  [INCIDENT_VERBS.status]: guarded(INCIDENT_VERBS.status, changeStatus),
  [INCIDENT_VERBS.showSummary]: guarded(INCIDENT_VERBS.showSummary, ({ ctx, data }) => summaryResponse(ctx, referenceOf(data))),
  [INCIDENT_VERBS.closeForm]: guarded(INCIDENT_VERBS.closeForm, openForm("close")),
  [INCIDENT_VERBS.close]: guarded(INCIDENT_VERBS.close, close),
  [INCIDENT_VERBS.correctiveActionForm]: guarded(INCIDENT_VERBS.correctiveActionForm, openForm("corrective_action")),
  [INCIDENT_VERBS.addCorrectiveAction]: guarded(
    INCIDENT_VERBS.addCorrectiveAction,
    submitForm(readCorrectiveActionForm, (ctx, actor, reference, form) => ctx.core.incidents.addCorrectiveAction(actor, reference, form), (_ctx, incident, state) => correctiveActionCard(incident, state)),
  ),
  [INCIDENT_VERBS.externalReportForm]: guarded(INCIDENT_VERBS.externalReportForm, openForm("external_report")),
  [INCIDENT_VERBS.recordExternalReport]: guarded(
    INCIDENT_VERBS.recordExternalReport,
    submitForm(readExternalReportForm, (ctx, actor, reference, form) => ctx.core.incidents.recordExternalReportDecision(actor, reference, form), (_ctx, incident, state) => externalReportCard(incident, state)),
  ),
};
