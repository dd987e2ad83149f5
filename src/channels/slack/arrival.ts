import type { RequestHandler } from "express";

const arrivals = new WeakMap<object, number>();

/**
 * Notes when each request reached the server, before its body is read: under load a request waits for the event loop
 * before Bolt sees it, and Slack's 3 seconds count from when it was sent.
 */
export const noteArrival: RequestHandler = (request, _response, next) => {
  arrivals.set(request, performance.now());
  next();
};

/** Bolt's custom properties for a request: when it arrived (`performance.now()`), read back by `arrivedAt`. */
export const arrivalProperties = (request: object) => {
  const at = arrivals.get(request);
  return at === undefined ? {} : { arrivedAt: at };
};

/** When the request of a listener's `context` reached the server; now where that is unknown (Socket Mode). */
export const arrivedAt = (context: Record<string, unknown>): number => (typeof context.arrivedAt === "number" ? context.arrivedAt : performance.now());
