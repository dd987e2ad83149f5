import type { Incident } from "../../../db/generated/client.js";
import type { Notifier, Publisher } from "../../../conversation/notifications.js";
import { notifier, whereFormsClose } from "../../../conversation/notifications.js";
import type { IncidentService } from "../incident-service.js";
import { incidentView, receiptView } from "./incident-view.js";
import { INCIDENT_WORDING as W } from "./incident-wording.js";

type Services = { incidents: IncidentService };

/** The incident's summary in the incidents place, re-rendered from the database so the last update shows the latest state. */
function showSummary(out: Publisher, services: Services, incident: Incident) {
  return out.show("incidents", { entityType: "incident", entityId: incident.reference, purpose: "announcement" }, async () => {
    const details = await services.incidents.details(incident.reference);
    return details ? incidentView(details) : null;
  });
}

/** Where the reporter will find their incident: the incidents place, and the dedicated channel being opened. */
function whereShown(out: Publisher, incident: Incident): string {
  const place = out.placeName?.("incidents");
  return [...(place ? [W.announcedIn(place)] : []), ...(incident.roomStatus === "pending" ? [W.roomComing] : [])].join(" ");
}

/**
 * Incidents in every channel, whichever channel reported them: the summary in the incidents place, posted once and
 * updated in place on every change; a receipt to the reporter where the form's answer did not stay (a Slack modal
 * closes). Delivered apart, so neither's retry repeats the other. The dedicated channel of a SEV1/SEV2 incident is
 * Slack's alone (`channels/slack/incidents/notifications/incident-room.ts`, subscriber "slack.incident-room").
 */
export const incidentNotifications: Notifier<Services>[] = [
  notifier<Services>("incidents", {
    "incident.reported": ({ incident }, out, services) => showSummary(out, services, incident),
    "incident.changed": ({ incident }, out, services) => showSummary(out, services, incident),
  }),
  notifier<Services>("incident-reporter", {
    "incident.reported": whereFormsClose(({ incident }, out) => out.tell({ channel: incident.reporterChannel, id: incident.reporterId }, receiptView(incident, whereShown(out, incident)))),
  }),
];
