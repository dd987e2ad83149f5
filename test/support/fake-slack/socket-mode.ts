// Slack's Socket Mode side (https://api.slack.com/apis/socket-mode): apps.connections.open hands out a one-use
// WebSocket URL; the connection gets `hello`, then envelopes, each of which the app must acknowledge with
// `{envelope_id, payload?}`. `ws` comes with botbuilder (Bolt's Socket Mode client itself uses undici's WebSocket).
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import type { SlackRequestBody } from "../slack-requests.js";
import type { MethodHandler } from "./methods/method-handler.js";
import { RecordedList } from "./recorded-list.js";
import type { Json } from "./workspace-state.js";

/** Slack's 3-second rule: an envelope not acknowledged by then counts as failed. */
const ACK_TIMEOUT_MS = 3000;
const CONNECT_TIMEOUT_MS = 5000;

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Json;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketModeAck {
  envelopeId: string;
  /** What the app put in its ack, e.g. `{response_action: "errors", errors}`; `{}` for a bare ack. */
  payload: Json | undefined;
  at: number;
}

export interface SocketConnectionEvent {
  kind: "opened" | "closed";
  connection: number;
  at: number;
}

/** The envelope Slack sends over Socket Mode for what it would otherwise POST to the request URL. */
export function envelopeFor(body: SlackRequestBody): Envelope {
  const envelope_id = randomUUID();
  if (body.contentType === "application/json") {
    return { envelope_id, type: "events_api", payload: JSON.parse(body.rawBody), accepts_response_payload: false, retry_attempt: 0, retry_reason: "" };
  }
  const form = new URLSearchParams(body.rawBody);
  const interaction = form.get("payload");
  return interaction === null
    ? { envelope_id, type: "slash_commands", payload: Object.fromEntries(form), accepts_response_payload: true }
    : { envelope_id, type: "interactive", payload: JSON.parse(interaction), accepts_response_payload: true };
}

export class FakeSocketMode {
  readonly acks = new RecordedList<SocketModeAck>((ack) => `${ack.envelopeId} ${JSON.stringify(ack.payload)}`);
  readonly connectionEvents = new RecordedList<SocketConnectionEvent>((event) => `${event.kind} #${event.connection}`);
  private server: WebSocket.Server | undefined;
  private listening: Promise<string> | undefined;
  private readonly tickets = new Set<string>();
  private readonly open = new Map<number, WebSocket>();
  private connectionCount = 0;

  constructor(private readonly appId: string) {}

  /** A one-use `ws://.../link/?ticket=...` URL, as apps.connections.open returns; starts the server on first use. */
  async connectionUrl(): Promise<string> {
    this.listening ??= this.listen();
    const base = await this.listening;
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${base}/link/?ticket=${ticket}&app_id=${this.appId}`;
  }

  get openConnections(): number {
    return this.open.size;
  }

  waitForConnection(timeoutMs = CONNECT_TIMEOUT_MS): Promise<SocketConnectionEvent> {
    return this.connectionEvents.waitFor((event) => event.kind === "opened", timeoutMs, "a Socket Mode connection");
  }

  /** Resolves once every connection opened so far has closed. */
  async waitUntilAllClosed(timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
    const opened = this.connectionEvents.items.filter((event) => event.kind === "opened").length;
    await this.connectionEvents.waitForCount((event) => event.kind === "closed", opened, timeoutMs, "closed Socket Mode connections");
  }

  /** Sends the request as an envelope on the newest open connection and resolves with the app's ack. */
  async deliver(body: SlackRequestBody, timeoutMs = ACK_TIMEOUT_MS): Promise<SocketModeAck> {
    return this.send(envelopeFor(body), timeoutMs);
  }

  async send(envelope: Envelope, timeoutMs = ACK_TIMEOUT_MS): Promise<SocketModeAck> {
    const socket = [...this.open.values()].at(-1);
    if (!socket) throw new Error("no open Socket Mode connection to send the envelope on");
    socket.send(JSON.stringify(envelope));
    return this.acks.waitFor((ack) => ack.envelopeId === envelope.envelope_id, timeoutMs, `the ack of ${envelope.type} envelope ${envelope.envelope_id}`);
  }

  async close(): Promise<void> {
    if (!this.server) return;
    for (const socket of this.open.values()) socket.terminate();
    const server = this.server;
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  private listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      const server = new WebSocket.Server({
        host: "127.0.0.1",
        port: 0,
        // Only URLs handed out by apps.connections.open connect, each once.
        verifyClient: ({ req }: { req: IncomingMessage }) => this.tickets.delete(new URL(req.url ?? "/", "ws://x").searchParams.get("ticket") ?? ""),
      });
      server.once("error", reject);
      server.once("listening", () => resolve(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`));
      server.on("connection", (socket) => this.accept(socket));
      this.server = server;
    });
  }

  private accept(socket: WebSocket): void {
    const connection = ++this.connectionCount;
    this.open.set(connection, socket);
    this.connectionEvents.push({ kind: "opened", connection, at: Date.now() });
    socket.on("message", (data) => this.receive(String(data)));
    socket.on("close", () => {
      this.open.delete(connection);
      this.connectionEvents.push({ kind: "closed", connection, at: Date.now() });
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.open.size,
        debug_info: { host: "fake-applink", approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
  }

  private receive(text: string): void {
    let message: { envelope_id?: unknown; payload?: Json };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message.envelope_id !== "string") return;
    this.acks.push({ envelopeId: message.envelope_id, payload: message.payload, at: Date.now() });
  }
}

/** apps.connections.open: the fake checks the app-level token (see FakeSlack's auth) and returns a WebSocket URL. */
export const openSocketModeConnection: MethodHandler = async (_args, { socketMode }) => ({
  ok: true,
  url: await socketMode.connectionUrl(),
});
