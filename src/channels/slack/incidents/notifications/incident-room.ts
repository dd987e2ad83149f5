import type { WebClient } from "@slack/web-api";
import type { Incident } from "../../../../db/generated/client.js";
import type { SlackContext } from "../../context.js";
import { incidentRoomName, withSuffix } from "./room-name.js";
import { slackErrorCode } from "./slack-error.js";

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
