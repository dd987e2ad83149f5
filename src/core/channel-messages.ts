import type { ChannelMessage } from "../db/generated/client.js";
import type { Prisma } from "../db/database.js";
import type { ChatChannel } from "./actor.js";
import { oneAtATime } from "./one-at-a-time.js";

export interface ChannelMessageKey {
  entityType: string;
  entityId: string;
  purpose: string;
  channel: ChatChannel;
}

export interface MessageLocation {
  conversationId: string;
  messageId: string;
}

/** Remembers where a record is shown in a channel, so later changes update that message instead of posting anew. */
export async function rememberChannelMessage(prisma: Prisma, key: ChannelMessageKey, location: MessageLocation): Promise<void> {
  await prisma.channelMessage.upsert({
    where: { entityType_entityId_purpose_channel: key },
    create: { ...key, ...location },
    update: location,
  });
}

export function findChannelMessage(prisma: Prisma, key: ChannelMessageKey): Promise<ChannelMessage | null> {
  return prisma.channelMessage.findUnique({ where: { entityType_entityId_purpose_channel: key } });
}

/** How a channel posts a new message and updates one it posted. */
export interface MessageSurface<M> {
  post(message: M): Promise<MessageLocation | null>;
  update(location: MessageLocation, message: M): Promise<void>;
}

/**
 * Shows each record in one message per key: the remembered message is updated, or one is posted and remembered.
 * Changes to one key are shown one after another and each renders afresh, so a change that lands while the message
 * is still being posted updates it instead of posting a second copy whose record would replace the first's.
 */
export function oneMessagePerKey<M>(prisma: Prisma, surface: MessageSurface<M>) {
  const serialize = oneAtATime();
  return (key: ChannelMessageKey, render: () => Promise<M | null> | M | null): Promise<MessageLocation | null> => {
    let shown: MessageLocation | null = null;
    const work = async () => {
      const message = await render();
      if (!message) return;
      const existing = await findChannelMessage(prisma, key);
      if (existing) {
        await surface.update(existing, message);
        shown = existing;
        return;
      }
      shown = await surface.post(message);
      if (shown) await rememberChannelMessage(prisma, key, shown);
    };
    return serialize(`${key.entityType}/${key.entityId}/${key.purpose}`, work).then(() => shown);
  };
}
