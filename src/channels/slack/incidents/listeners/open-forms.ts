import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../../core/actor.js";
import { transitionRefusal } from "../../../../features/incidents/incident-status.js";
import type { SlackContext } from "../../context.js";
import { closingModal, correctiveActionModal, externalReportModal } from "../blocks/follow-up-modals.js";

export type IncidentForm = "close" | "corrective_action" | "external_report";

/**
 * Opens one of the incident follow-up forms after checking, in the core, that this person may use it now.
 * Returns why not, or null once the form is open.
 */
export async function openIncidentForm(
  ctx: SlackContext,
  args: { client: WebClient; actor: Actor; reference: string; triggerId: string; form: IncidentForm },
): Promise<string | null> {
  const { incidents } = ctx.core;
  const incident = await incidents.details(args.reference);
  if (!incident) return `There is no incident ${args.reference}.`;
  const refusal = await incidents.changeRefusal(args.actor, incident);
  if (refusal) return refusal;
  if (args.form !== "external_report" && incident.status === "closed") return `${incident.reference} is closed, so its record is final.`;
  let view: ReturnType<typeof closingModal | typeof correctiveActionModal | typeof externalReportModal>;
  switch (args.form) {
    case "close": {
      const notReady = transitionRefusal(incident.reference, incident.status, "closed");
      if (notReady) return notReady;
      view = closingModal(incident, incident.correctiveActions.filter((a) => a.status !== "cancelled").length);
      break;
    }
    case "corrective_action":
      view = correctiveActionModal(incident);
      break;
    case "external_report":
      view = externalReportModal(incident);
      break;
  }
  await args.client.views.open({ trigger_id: args.triggerId, view });
  return null;
}
