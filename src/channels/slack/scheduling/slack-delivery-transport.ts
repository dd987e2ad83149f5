import { WebClient } from "@slack/web-api";
import { deliveryMessage } from "../../../features/scheduler/conversation/neutral-delivery.js";
import type { ClaimedDelivery, DeliveryTransport, SentDelivery } from "../../../features/scheduler/delivery.js";
import { blockKitMessage } from "../conversation/block-kit-message.js";
import type { SlackSendQueue } from "./send-queue.js";

const TIMEZONE_CACHE_MS = 6 * 3600_000;

/** A WebClient that hands 429s to the send queue instead of retrying on its own. */
export function deliveryClient(token: string, apiUrl?: string, fetch?: typeof globalThis.fetch): WebClient {
  return new WebClient(token, { slackApiUrl: apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, fetch });
}

/** Sends scheduled deliveries to Slack through the rate-limited queue; reads timezones from users.info. */
export class SlackDeliveryTransport implements DeliveryTransport {
  private readonly zones = new Map<string, { zone: string | undefined; until: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly queue: SlackSendQueue,
    private readonly now: () => number = Date.now,
  ) {}

  async send(delivery: ClaimedDelivery, now: Date): Promise<SentDelivery> {
    const message = blockKitMessage(deliveryMessage(delivery.payload, now));
    const posted = await this.queue.send(delivery.recipientId, () =>
      this.client.chat.postMessage({ channel: delivery.recipientId, text: message.text, blocks: message.blocks }),
    );
    return { messageId: posted.ts, conversationId: posted.channel };
  }

  async timezoneOf(userId: string): Promise<string | undefined> {
    const cached = this.zones.get(userId);
    if (cached && cached.until > this.now()) return cached.zone;
    const zone = await this.queue
      .send(`users.info:${userId}`, () => this.client.users.info({ user: userId }))
      .then((answer) => answer.user?.tz)
      .catch(() => undefined);
    this.zones.set(userId, { zone, until: this.now() + TIMEZONE_CACHE_MS });
    return zone;
  }
}
