import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Application } from "express";
import type { MetricsConfig } from "../config/metrics-env.js";
import type { Logger } from "../log/logger.js";
import type { MetricsRegistry } from "./metrics.js";

export const METRICS_PATH = "/metrics";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares digests, so neither the token's content nor its length shows in the time taken. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(presented), digest(token));
}

async function answer(registry: MetricsRegistry, token: string | undefined, req: IncomingMessage, res: ServerResponse, logger: Logger) {
  if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
    res.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' }).end("unauthorized\n");
    return;
  }
  try {
    const body = await registry.render();
    res.writeHead(200, { "content-type": registry.contentType }).end(body);
  } catch (error) {
    logger.error({ err: error }, "could not collect metrics");
    res.writeHead(500, { "content-type": "text/plain" }).end("could not collect metrics\n");
  }
}

/**
 * Serves GET /metrics on a server of its own when METRICS_PORT is set (returned, to be closed on stop), else on the
 * main server behind the bearer token (a config without a port always has one).
 */
export async function serveMetrics(
  config: MetricsConfig,
  registry: MetricsRegistry,
  { http, logger }: { http: Application; logger: Logger },
): Promise<Server | undefined> {
  if (config.port !== undefined) return startMetricsServer({ ...config, port: config.port }, registry, logger);
  const token = config.token!;
  http.get(METRICS_PATH, (req, res) => {
    void answer(registry, token, req, res, logger);
  });
  return undefined;
}

/** A small HTTP server of its own that answers GET /metrics and nothing else. */
async function startMetricsServer(config: MetricsConfig & { port: number }, registry: MetricsRegistry, logger: Logger): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?", 1)[0];
    if (req.method !== "GET" || path !== METRICS_PATH) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    void answer(registry, config.token, req, res, logger);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  return server;
}
