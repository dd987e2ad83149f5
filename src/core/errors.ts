const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001", // Prisma: can't reach database server
  "P1002",
  "P1017", // Prisma: server closed the connection
  "P2024", // Prisma: timed out fetching a connection
]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connect ECONNREFUSED/i,
  /Connection terminated unexpectedly/i,
  /server closed the connection/i,
  /Can't reach database server/i,
];

/**
 * PostgreSQL refused a character: NUL in text (22021) or jsonb (22P05), one the encoding lacks (22P05), or a lone
 * surrogate, which makes the JSON Prisma sends for a jsonb column invalid (22P02).
 */
const UNSTORABLE_TEXT_CODES = new Set(["22021", "22P05"]);
const INVALID_JSON = { code: "22P02", message: /type json/ };

type ErrorFields = { code?: unknown; originalCode?: unknown; message?: unknown };

/** Whether the error, or one it wraps (the pg error inside Prisma's and the driver adapter's), matches. */
function someErrorInChain(error: unknown, matches: (fields: ErrorFields) => boolean): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { cause, originalError, meta } = current as Record<string, unknown>;
    if (matches(current as ErrorFields)) return true;
    pending.push(cause, originalError, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return false;
}

/** True when an error means the database could not be reached, as opposed to a bug or a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someErrorInChain(
    error,
    ({ code, message }) =>
      (typeof code === "string" && UNAVAILABLE_CODES.has(code)) ||
      (typeof message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))),
  );
}

/**
 * True when the database refused text someone typed. Forms refuse such text on their fields first
 * (core/storable-text.ts); this catches free text that reaches the database another way.
 */
export function isUnstorableText(error: unknown): boolean {
  return someErrorInChain(error, ({ code, originalCode, message }) => {
    const pgCode = typeof originalCode === "string" ? originalCode : code;
    if (typeof pgCode !== "string") return false;
    return UNSTORABLE_TEXT_CODES.has(pgCode) || (pgCode === INVALID_JSON.code && typeof message === "string" && INVALID_JSON.message.test(message));
  });
}

export const UNSTORABLE_TEXT_REPLY =
  "That text contains a character that cannot be stored (such as a NUL byte), so nothing was changed. Please remove it and try again.";

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The AIMS database is not reachable right now, so nothing was saved. Please try again in a minute.";
