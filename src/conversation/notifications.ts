import type { ChatChannel } from "../core/actor.js";
import type { MessageLocation } from "../core/channel-messages.js";
import type { DomainEvents, EventBus, EventName } from "../core/events.js";
import type { Message } from "./message.js";

/**
 * A shared place a capability shows records in; each channel maps it to its own room (a Slack channel, a Teams
 * conversation) from its settings. A channel without that place configured shows nothing there.
 */
export type Place = "approvals" | "triage" | "incidents" | "assessments";

/** A person as records keep them: the chat they use, and their id in it. */
export interface Recipient {
  channel: ChatChannel;
  id: string;
}

/** Names one message of a record, remembered per channel (`channel_message`): `purpose` tells apart a record's messages. */
export interface RecordMessage {
  entityType: string;
  entityId: string;
  purpose: string;
}

/** How a notification reaches people in one channel; each channel implements it once. */
export interface Publisher {
  readonly channel: ChatChannel;
  /**
   * Whether a submitted form's answer stays where the person submitted it (a Teams card becomes the answer). When
   * not (a Slack modal closes), a capability that wants the person to keep a receipt tells it to them.
   */
  readonly answersStay: boolean;
  /** Whether this channel has a room for the place (a capability that falls back to telling people asks first). */
  has(place: Place): boolean;
  /**
   * Shows a record in a shared place: posted once, then updated in place. Changes to one record are shown one after
   * another, each rendered afresh when its turn comes (`render` reads the record then; null shows nothing).
   */
  show(place: Place, key: RecordMessage, render: () => Promise<Message | null> | Message | null): Promise<void>;
  /**
   * Messages a person 1:1 (a Slack DM, a Teams personal chat) when they use this channel; nothing otherwise. With
   * `once`, the message is remembered under that key and a retried delivery does not send it again. Answers where
   * the message went (to update it later), or null when it was not sent (another channel's person, told already).
   */
  tell(person: Recipient, message: Message, options?: { once?: RecordMessage }): Promise<MessageLocation | null>;
  /**
   * Replaces a message this channel sent earlier (told or shown) with `message`, where it was remembered: the
   * copies a capability keeps itself (every round's sign-off request, every reminder sent for a due item).
   */
  update(at: MessageLocation, message: Message): Promise<void>;
  /**
   * Answers under a record's message in a place, so those following it are notified (a Slack thread reply); nothing
   * when the record is not shown there. A channel without threads leaves it out.
   */
  reply?(place: Place, key: RecordMessage, message: Message): Promise<void>;
  /** Names a place in a text (with `room()`), to tell someone where to look; undefined where the channel has none. */
  placeName?(place: Place): string | undefined;
}

type NotificationHandler<S, K extends EventName> = (payload: DomainEvents[K], out: Publisher, services: S) => unknown;

/**
 * One outbox subscriber of a capability: the events it shows, each as one change in one place. Each channel
 * subscribes it as `<channel>.<name>` ("slack.approvals", "teams.approvals"): the name is what pending deliveries
 * are found by, so it never changes once released. Keep one place per notifier (the approvals message apart from
 * the requester's DMs), so an outage retrying one never repeats the other.
 */
export interface Notifier<S> {
  name: string;
  /** The channels it runs in; every channel when absent (a Slack-only feature such as incident rooms names "slack"). */
  channels?: ChatChannel[];
  on: { [K in EventName]?: NotificationHandler<S, K> };
}

const FORMS_CLOSE = Symbol("where forms close");

/**
 * Marks a handler that tells people what their submitted form answered (a receipt): it is subscribed only in
 * channels where a submitted form closes (Slack), so a channel where the answer stays (a Teams card becomes it)
 * records no delivery for it at all.
 */
export const whereFormsClose = <S, K extends EventName>(handler: NotificationHandler<S, K>): NotificationHandler<S, K> => Object.assign(handler, { [FORMS_CLOSE]: true });

export const notifier = <S>(name: string, on: Notifier<S>["on"], channels?: ChatChannel[]): Notifier<S> => ({ name, on, ...(channels ? { channels } : {}) });

/** Subscribes each notifier that runs in the publisher's channel to the outbox, under `<channel>.<name>`. */
export function subscribeNotifiers<S>(events: EventBus, publisher: Publisher, services: S, notifiers: readonly Notifier<S>[]): void {
  for (const declared of notifiers) {
    if (declared.channels && !declared.channels.includes(publisher.channel)) continue;
    const subscriber = events.subscriber(`${publisher.channel}.${declared.name}`);
    for (const [event, handler] of Object.entries(declared.on) as [EventName, NotificationHandler<S, EventName>][]) {
      if (publisher.answersStay && FORMS_CLOSE in handler) continue;
      subscriber.on(event, async (payload) => {
        await handler(payload, publisher, services);
      });
    }
  }
}
