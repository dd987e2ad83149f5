import type { WebClient } from "@slack/web-api";
import type { Incident } from "../../../../db/generated/client.js";
import { findChannelMessage, rememberChannelMessage, type ChannelMessageKey } from "../../../../core/channel-messages.js";
import type { IncidentChange } from "../../../../features/incidents/incident-events.js";
import { receiptView, incidentView } from "../../../../features/incidents/conversation/incident-view.js";
import { INCIDENT_WORDING as W } from "../../../../features/incidents/conversation/incident-wording.js";
import { person, room } from "../../../../conversation/message.js";
import { blockKitMessage, mrkdwn } from "../../conversation/block-kit-message.js";
import { oneAtATime } from "../../../../core/one-at-a-time.js";
import type { SlackContext } from "../../context.js";
import { createIncidentRoom } from "./incident-room.js";
import { slackErrorCode } from "./slack-error.js";

type Purpose = "announcement" | "room";

const summaryKey = (reference: string, purpose: Purpose): ChannelMessageKey => ({
  entityType: "incident",
  entityId: reference,
  purpose,
  channel: "slack",
});

/**
 * Shows incidents in Slack: the announcement in the incidents channel, the dedicated channel for SEV1/SEV2 with
 * the summary pinned, a receipt to the reporter, and every later change as an in-place update of both summaries.
 */
export function subscribeIncidentNotifications(ctx: SlackContext, client: WebClient): void {
  const { incidents, prisma } = ctx.core;
  const events = ctx.core.events.subscriber("slack.incidents");

  // A change that lands while a summary is being posted is shown once the summary is remembered.
  const serialize = oneAtATime();

  async function postSummary(reference: string, purpose: Purpose, conversationId: string): Promise<string | null> {
    let ts: string | null = null;
    await serialize(reference, async () => {
      const details = await incidents.details(reference);
      if (!details) return;
      const posted = await client.chat.postMessage({ channel: conversationId, ...blockKitMessage(incidentView(details)) });
      await rememberChannelMessage(prisma, summaryKey(reference, purpose), { conversationId: posted.channel ?? conversationId, messageId: posted.ts! });
      ts = posted.ts!;
    });
    return ts;
  }

  /** Re-renders from the database (not the event), so the last update always shows the latest state. */
  const refreshSummaries = (reference: string) =>
    serialize(reference, async () => {
      const details = await incidents.details(reference);
      if (!details) return;
      const message = blockKitMessage(incidentView(details));
      for (const purpose of ["announcement", "room"] as const) {
        const existing = await findChannelMessage(prisma, summaryKey(reference, purpose));
        if (existing) await client.chat.update({ channel: existing.conversationId, ts: existing.messageId, ...message });
      }
    });

  async function announce(incident: Incident): Promise<void> {
    const channel = ctx.slack.incidentsChannel;
    if (!channel) {
      ctx.logger.warn({ reference: incident.reference }, "SLACK_INCIDENTS_CHANNEL is not set, so the incident was recorded but not announced");
      return;
    }
    await postSummary(incident.reference, "announcement", channel);
  }

  async function openRoom(incident: Incident): Promise<void> {
    const roomId = await createIncidentRoom(ctx, client, incident);
    if (!roomId) return;
    const ts = await postSummary(incident.reference, "room", roomId);
    if (!ts) return;
    await client.pins.add({ channel: roomId, timestamp: ts }).catch((error: unknown) => {
      ctx.logger.warn({ err: error, reference: incident.reference, slackError: slackErrorCode(error) }, "could not pin the incident summary");
    });
  }

  async function sendReceipt(incident: Incident): Promise<void> {
    if (incident.reporterChannel !== "slack") return;
    const channel = ctx.slack.incidentsChannel;
    const where = [
      ...(channel ? [W.announcedInSlack(room({ channel: "slack", id: channel, name: channel }))] : []),
      ...(incident.roomStatus === "pending" ? [W.roomComing] : []),
    ];
    await client.chat.postMessage({ channel: incident.reporterId, ...blockKitMessage(receiptView(incident, where.join(" "))) });
  }

  async function postNoteInRoom(incident: Incident, change: Extract<IncidentChange, { kind: "note" }>): Promise<void> {
    if (incident.roomStatus !== "created" || incident.roomChannel !== "slack" || !incident.roomId) return;
    const { entry } = change;
    const author = person({ channel: entry.authorChannel, id: entry.authorId, name: entry.authorName });
    await client.chat.postMessage({ channel: incident.roomId, text: mrkdwn(W.noteInRoom(author, incident.reference, entry.text.slice(0, 2900))) });
  }

  events.on("incident.reported", ({ incident }) => announce(incident));
  events.on("incident.changed", async ({ incident, change }) => {
    await refreshSummaries(incident.reference);
    if (change.kind === "note") await postNoteInRoom(incident, change);
  });

  // Apart from the announcement, so that neither's failure repeats the other. A room is not retried: creating a
  // channel twice is worse than the error in the log, after which a responder can open one.
  ctx.core.events.subscriber("slack.incident-room").on("incident.reported", async ({ incident }) => {
    if (incident.roomStatus !== "pending") return;
    await openRoom(incident).catch((error: unknown) => {
      ctx.logger.error({ err: error, reference: incident.reference, slackError: slackErrorCode(error) }, "could not open the incident's channel");
    });
  });
  ctx.core.events.subscriber("slack.incident-reporter").on("incident.reported", ({ incident }) => sendReceipt(incident));
}
