import type { ChannelMessage } from "../db/generated/client.js";
import type { Prisma } from "../db/database.js";
import type { ChatChannel } from "./actor.js";

export interface ChannelMessageKey {
  entityType: string;
  entityId: string;
  purpose: string;
  channel: ChatChannel;
}

/** Remembers where a record is shown in a channel, so later changes update that message instead of posting anew. */
export async function rememberChannelMessage(
  prisma: Prisma,
  key: ChannelMessageKey,
  location: { conversationId: string; messageId: string },
): Promise<void> {
  await prisma.channelMessage.upsert({
    where: { entityType_entityId_purpose_channel: key },
    create: { ...key, ...location },
    update: location,
  });
}

export function findChannelMessage(prisma: Prisma, key: ChannelMessageKey): Promise<ChannelMessage | null> {
  return prisma.channelMessage.findUnique({ where: { entityType_entityId_purpose_channel: key } });
}
