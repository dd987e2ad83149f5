import type { ChatChannel } from "../core/actor.js";
import { type MessageLocation, type MessageSurface, findChannelMessage, oneMessagePerKey, rememberChannelMessage } from "../core/channel-messages.js";
import type { Message } from "./message.js";
import type { Place, Publisher, RecordMessage } from "./notifications.js";

/** The database handle, as `core/channel-messages` takes it (src/conversation imports no database itself). */
type Database = Parameters<typeof oneMessagePerKey>[0];

/** What one channel brings to a publisher; `M` is a message rendered for it (Block Kit, an Adaptive Card). */
export interface ChannelPublishing<M> {
  channel: ChatChannel;
  prisma: Database;
  answersStay: boolean;
  /** The room of each place, from the settings; a place without one shows nothing in this channel. */
  places: Record<Place, string | undefined>;
  /** Posts into one room and updates there (asked once per room). */
  surfaceFor(room: string): MessageSurface<M>;
  render(message: Message): M;
  /** Sends a message to a person 1:1; null when it could not be sent (`once`, the key it would be remembered under). */
  sendToPerson(personId: string, message: M, once: RecordMessage | undefined): Promise<MessageLocation | null>;
  update(at: MessageLocation, message: M): Promise<void>;
}

/**
 * The part of a publisher every channel shares: a record shown once per key in its place's room and updated there,
 * a person told once per `once` key; the channel brings its rooms, rendering and sending.
 */
export function publisherOver<M>({ channel, prisma, answersStay, places, surfaceFor, render, sendToPerson, update }: ChannelPublishing<M>): Publisher {
  type Show = ReturnType<typeof oneMessagePerKey<M>>;
  const shows = new Map<string, Show>();
  const showIn = (room: string): Show => {
    const existing = shows.get(room);
    if (existing) return existing;
    const show = oneMessagePerKey(prisma, surfaceFor(room));
    shows.set(room, show);
    return show;
  };
  return {
    channel,
    answersStay,
    async show(place, key, shown) {
      const room = places[place];
      if (!room) return;
      await showIn(room)({ ...key, channel }, async () => {
        const message = await shown();
        return message ? render(message) : null;
      });
    },
    has: (place) => Boolean(places[place]),
    async tell(person, message, options = {}) {
      if (person.channel !== channel) return null;
      const once = options.once ? { ...options.once, channel } : null;
      if (once && (await findChannelMessage(prisma, once))) return null;
      const at = await sendToPerson(person.id, render(message), options.once);
      if (!at) return null;
      if (once) await rememberChannelMessage(prisma, once, at);
      return at;
    },
    update: (at, message) => update(at, render(message)),
  };
}
