import type { WebClient } from "@slack/web-api";
import type { Incident } from "../../../../db/generated/client.js";
import { type ChannelMessageKey, findChannelMessage, rememberChannelMessage } from "../../../../core/channel-messages.js";
import { person } from "../../../../conversation/message.js";
import type { IncidentChange } from "../../../../features/incidents/incident-events.js";
import { incidentView } from "../../../../features/incidents/conversation/incident-view.js";
import { INCIDENT_WORDING as W } from "../../../../features/incidents/conversation/incident-wording.js";
import { blockKitMessage, mrkdwn } from "../../conversation/block-kit-message.js";
import type { SlackContext } from "../../context.js";
import { incidentRoomName, withSuffix } from "./room-name.js";
import { slackErrorCode } from "../../slack-error.js";

const roomKey = (reference: string): ChannelMessageKey => ({ entityType: "incident", entityId: reference, purpose: "room", channel: "slack" });

/**
 * The dedicated Slack channel of a SEV1/SEV2 incident, Slack's alone (the summary in the incidents place and the
 * reporter's receipt are the incident capability's notifications): opened with the summary pinned, the summary
 * updated in place on every change, timeline notes posted in it. One outbox subscriber, so its deliveries about
 * one incident run in order: a change is shown once the room and its summary exist.
 */
export function subscribeIncidentRooms(ctx: SlackContext, client: WebClient): void {
  const { incidents, prisma } = ctx.core;
  const rooms = ctx.core.events.subscriber("slack.incident-room");

  async function openRoom(incident: Incident): Promise<void> {
    const roomId = await createIncidentRoom(ctx, client, incident);
    if (!roomId) return;
    const details = await incidents.details(incident.reference);
    if (!details) return;
    const posted = await client.chat.postMessage({ channel: roomId, ...blockKitMessage(incidentView(details)) });
    await rememberChannelMessage(prisma, roomKey(incident.reference), { conversationId: posted.channel ?? roomId, messageId: posted.ts! });
    await client.pins.add({ channel: roomId, timestamp: posted.ts! }).catch((error: unknown) => {
      ctx.logger.warn({ err: error, reference: incident.reference, slackError: slackErrorCode(error) }, "could not pin the incident summary");
    });
  }

  /** Re-renders from the database (not the event), so the last update always shows the latest state. */
  async function refreshSummary(reference: string): Promise<void> {
    const shown = await findChannelMessage(prisma, roomKey(reference));
    const details = shown ? await incidents.details(reference) : null;
    if (shown && details) await client.chat.update({ channel: shown.conversationId, ts: shown.messageId, ...blockKitMessage(incidentView(details)) });
  }

  async function postNote(incident: Incident, change: Extract<IncidentChange, { kind: "note" }>): Promise<void> {
    if (incident.roomStatus !== "created" || incident.roomChannel !== "slack" || !incident.roomId) return;
    const { entry } = change;
    const author = person({ channel: entry.authorChannel, id: entry.authorId, name: entry.authorName });
    await client.chat.postMessage({ channel: incident.roomId, text: mrkdwn(W.noteInRoom(author, incident.reference, entry.text.slice(0, 2900))) });
  }

  // A room is not retried: creating a channel twice is worse than the error in the log, after which a responder can open one.
  rooms.on("incident.reported", async ({ incident }) => {
    if (incident.roomStatus !== "pending") return;
    await openRoom(incident).catch((error: unknown) => {
      ctx.logger.error({ err: error, reference: incident.reference, slackError: slackErrorCode(error) }, "could not open the incident's channel");
    });
  });
  rooms.on("incident.changed", async ({ incident, change }) => {
    await refreshSummary(incident.reference);
    if (change.kind === "note") await postNote(incident, change);
  });
}

/**
 * Creates the dedicated channel of a SEV1/SEV2 incident, retrying once with a suffixed name when the name is taken,
 * and records the outcome in the core. A failure never loses the incident: it is recorded on the incident (the
 * summaries say so) and logged. Returns the channel id, or null when it could not be created.
 */
export async function createIncidentRoom(ctx: SlackContext, client: WebClient, incident: Incident): Promise<string | null> {
  const name = incidentRoomName(incident.reference, incident.title);
  let created: { id: string; name: string };
  try {
    created = await createChannel(client, name).catch((error: unknown) => {
      if (slackErrorCode(error) !== "name_taken") throw error;
      ctx.logger.info({ reference: incident.reference, name }, "incident channel name taken; retrying with a suffix");
      return createChannel(client, withSuffix(name));
    });
  } catch (error) {
    const code = slackErrorCode(error);
    ctx.logger.error({ err: error, reference: incident.reference, name, slackError: code }, "could not create the incident channel");
    await ctx.core.incidents.recordRoomFailure(incident.reference, code);
    return null;
  }
  await ctx.core.incidents.recordRoom(incident.reference, { channel: "slack", ...created });
  await inviteResponders(ctx, client, incident, created.id);
  return created.id;
}

async function createChannel(client: WebClient, name: string): Promise<{ id: string; name: string }> {
  const response = await client.conversations.create({ name, is_private: false });
  return { id: response.channel!.id!, name: response.channel!.name ?? name };
}

/** The reporter, the AIMS owners and the incident responders, one invite each so one bad id does not stop the rest. */
async function inviteResponders(ctx: SlackContext, client: WebClient, incident: Incident, channelId: string): Promise<void> {
  const { roles } = ctx.core;
  const reporter = incident.reporterChannel === "slack" ? [incident.reporterId] : [];
  const people = [...new Set([...reporter, ...(await roles.members("owner", "slack")), ...(await roles.members("incident_responder", "slack"))])];
  for (const user of people) {
    try {
      await client.conversations.invite({ channel: channelId, users: user });
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === "already_in_channel") continue;
      ctx.logger.warn({ err: error, reference: incident.reference, user, slackError: code }, "could not invite to the incident channel");
    }
  }
}
