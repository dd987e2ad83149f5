import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { messageProblems } from "./card-limits.js";
import { createFakeRoster, type FakeRoster, type RosterAnswer } from "./fake-roster.js";
import { mountFakeFileDownloads, type FakeFileDownloads } from "./fake-file-downloads.js";
import { mountFakeUploadSessions, type FakeUploadSessions } from "./fake-upload-sessions.js";

/** "unfaked": a request the fake does not serve (answered 404), recorded so that nothing the bot sends goes unseen. */
export type ConnectorCallKind = "send" | "update" | "createConversation" | "member" | "pagedMembers" | "teamDetails" | "unfaked";

export interface ConnectorCall {
  kind: ConnectorCallKind;
  method: string;
  /** The URL path as sent (percent-encoded), with any query string. */
  path: string;
  conversationId?: string;
  /** For "update": the activity replaced. For "send" as a reply: the activity replied to. */
  activityId?: string;
  body: Record<string, unknown>;
  status: number;
  /** The id the fake answered with (new activity or conversation id). */
  responseId?: string;
}

export interface FakeBotConnector {
  /** Put this in activities as `serviceUrl`. */
  serviceUrl: string;
  calls: ConnectorCall[];
  accepted(kind: ConnectorCallKind): ConnectorCall[];
  waitFor(kind: ConnectorCallKind, predicate?: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** The activities the bot has in a conversation, oldest first, each as its latest accepted send or update reads. */
  activities(conversationId: string): { activityId: string; body: Record<string, unknown> }[];
  /** Every later call waits this long before it is answered (0: at once), like a slow Bot Connector. */
  setLatency(ms: number): void;
  /**
   * The next `times` calls of this kind answer `status` (e.g. 429, 412, 502) without taking effect; with
   * `retryAfterSeconds`, with that Retry-After header, as a throttled Bot Connector answers.
   */
  failNext(kind: ConnectorCallKind, status: number, times?: number, retryAfterSeconds?: number): void;
  /** Who is in which team and chat, as the bot reads it through the roster endpoints. */
  roster: FakeRoster;
  /** OneDrive upload sessions for files people allow the bot to send (same host as the connector). */
  uploads: FakeUploadSessions;
  /** Files people send the bot in a personal chat, downloaded from their attachment's downloadUrl. */
  downloads: FakeFileDownloads;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Bot Connector service at an activity's serviceUrl: records what the bot sends, answers
 * with ids like the real service, and refuses cards Teams would refuse (over 28 KB, version above 1.5).
 */
export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const failures: { kind: ConnectorCallKind; status: number; retryAfterSeconds?: number }[] = [];
  const waiters = new Set<() => void>();
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${Date.now()}${String(++counter).padStart(4, "0")}`;

  const app = express();
  app.use(express.json({ limit: "5mb" }));

  /** Answers with the next failure injected for this kind of call, if any; returns its status. */
  function injectedFailure(kind: ConnectorCallKind, res: express.Response): number | undefined {
    const index = failures.findIndex((failure) => failure.kind === kind);
    if (index < 0) return undefined;
    const [failure] = failures.splice(index, 1);
    if (failure.retryAfterSeconds !== undefined) res.setHeader("retry-after", String(failure.retryAfterSeconds));
    res.status(failure.status).json({ error: { code: "Injected", message: `injected ${failure.status}` } });
    return failure.status;
  }

  function record(kind: ConnectorCallKind, req: express.Request, res: express.Response, conversationId?: string, activityId?: string) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const call: ConnectorCall = { kind, method: req.method, path: req.originalUrl, conversationId, activityId, body, status: 200 };
    const { tooLarge, problems } = kind === "createConversation" ? { tooLarge: false, problems: [] } : messageProblems(body);
    const failed = injectedFailure(kind, res);
    if (failed) {
      call.status = failed;
    } else if (problems.length > 0) {
      call.status = tooLarge ? 413 : 400;
      res.status(call.status).json({ error: { code: tooLarge ? "MessageSizeTooBig" : "BadSyntax", message: problems.join("; ") } });
    } else {
      call.responseId = kind === "createConversation" ? `a:${nextId("1chat")}` : kind === "update" ? activityId : nextId("1");
      res.status(kind === "update" ? 200 : 201).json(kind === "createConversation" ? { id: call.responseId } : { id: call.responseId });
    }
    calls.push(call);
    for (const wake of [...waiters]) wake();
  }

  let latencyMs = 0;
  app.use("/v3/conversations", (_req, _res, next) => {
    if (latencyMs > 0) setTimeout(next, latencyMs);
    else next();
  });
  app.post("/v3/conversations", (req, res) => record("createConversation", req, res));
  const roster = createFakeRoster();
  function answerRoster(kind: ConnectorCallKind, req: express.Request, res: express.Response, scopeId: string, answer: () => RosterAnswer) {
    const call: ConnectorCall = { kind, method: req.method, path: req.originalUrl, conversationId: scopeId, body: {}, status: 200 };
    const failed = injectedFailure(kind, res);
    if (failed) {
      call.status = failed;
    } else {
      const { status, body } = answer();
      call.status = status;
      res.status(status).json(body);
    }
    calls.push(call);
    for (const wake of [...waiters]) wake();
  }
  app.get("/v3/conversations/:conversationId/members/:memberId", (req, res) =>
    answerRoster("member", req, res, req.params.conversationId, () => roster.member(req.params.conversationId, req.params.memberId)),
  );
  app.get("/v3/conversations/:conversationId/pagedmembers", (req, res) => {
    const pageSize = req.query.pageSize ? Number(req.query.pageSize) : undefined;
    const token = typeof req.query.continuationToken === "string" ? req.query.continuationToken : undefined;
    answerRoster("pagedMembers", req, res, req.params.conversationId, () => roster.page(req.params.conversationId, pageSize, token));
  });
  app.get("/v3/teams/:teamId", (req, res) => answerRoster("teamDetails", req, res, req.params.teamId, () => roster.teamDetails(req.params.teamId)));
  app.post("/v3/conversations/:conversationId/activities", (req, res) => record("send", req, res, req.params.conversationId));
  app.post("/v3/conversations/:conversationId/activities/:activityId", (req, res) =>
    record("send", req, res, req.params.conversationId, req.params.activityId),
  );
  app.put("/v3/conversations/:conversationId/activities/:activityId", (req, res) =>
    record("update", req, res, req.params.conversationId, req.params.activityId),
  );
  let serviceUrl = "";
  const uploads = mountFakeUploadSessions(app, () => serviceUrl);
  const downloads = mountFakeFileDownloads(app, () => serviceUrl);
  app.use((req, res) => {
    res.status(404).json({ error: { code: "NotFound", message: `${req.method} ${req.path} is not faked` } });
    calls.push({ kind: "unfaked", method: req.method, path: req.originalUrl, body: (req.body ?? {}) as Record<string, unknown>, status: 404 });
  });

  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  serviceUrl = `http://127.0.0.1:${port}/`;

  const accepted = (kind: ConnectorCallKind) => calls.filter((call) => call.kind === kind && call.status < 300);

  return {
    serviceUrl,
    uploads,
    downloads,
    roster,
    calls,
    accepted,
    waitFor(kind, predicate = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = accepted(kind).find(predicate);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no accepted ${kind} call matched within ${timeoutMs} ms; calls: ${JSON.stringify(calls.map((c) => [c.kind, c.conversationId, c.status]))}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    activities(conversationId) {
      const latest = new Map<string, Record<string, unknown>>();
      for (const call of calls) {
        if (call.conversationId !== conversationId || call.status >= 300 || !call.responseId) continue;
        if (call.kind === "send" || latest.has(call.responseId)) latest.set(call.responseId, call.body);
      }
      return [...latest].map(([activityId, body]) => ({ activityId, body }));
    },
    failNext(kind, status, times = 1, retryAfterSeconds) {
      for (let i = 0; i < times; i++) failures.push({ kind, status, retryAfterSeconds });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
