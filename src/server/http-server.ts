import express, { type Application } from "express";
import type { Logger } from "../log/logger.js";

export interface HealthChecks {
  /** Throws when the database does not answer. */
  database(): Promise<void>;
}

const READINESS_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** The one HTTP application: health probes here; Slack and Teams mount their endpoints on it. */
export function createHttpApp(checks: HealthChecks, logger: Logger): Application {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await withTimeout(checks.database(), READINESS_TIMEOUT_MS);
      res.json({ status: "ready", database: "ok" });
    } catch (error) {
      logger.warn({ err: error }, "readiness check failed");
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });
  return app;
}

/** Added last, after every channel mounted its routes. */
export function addFallbackRoutes(app: Application, logger: Logger): void {
  app.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  app.use((error: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, "request failed");
    if (!res.headersSent) res.status(status).json({ error: status === 500 ? "internal error" : "bad request" });
  });
}
