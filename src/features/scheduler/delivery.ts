import type { ChatChannel } from "../../core/actor.js";
import type { ScheduledDelivery } from "../../db/generated/client.js";

/** Someone or somewhere a scheduled message goes to: a person (DM) or a channel. */
export interface Recipient {
  channel: ChatChannel;
  id: string;
}

/** A message to enqueue. `key` names the occurrence (e.g. "review:REV-0001:2026-12-01T00:00:00.000Z:before-14"). */
export interface NewDelivery {
  key: string;
  occurrenceKey?: string;
  kind: string;
  recipient: Recipient;
  payload: unknown;
  notBefore: Date;
}

export type ClaimedDelivery = ScheduledDelivery;

export interface SentDelivery {
  messageId?: string;
  conversationId?: string;
}

/** A chat channel's way of sending scheduled messages; it renders the payload and spaces calls to stay in limits. */
export interface DeliveryTransport {
  /**
   * Sends the message as it reads at `now`; resolves with the platform's message id and the conversation it went to
   * (so it can be updated later); rejects when the platform refused it.
   */
  send(delivery: ClaimedDelivery, now: Date): Promise<SentDelivery>;
  /** The recipient's IANA timezone when the platform knows it. */
  timezoneOf(recipientId: string): Promise<string | undefined>;
}
