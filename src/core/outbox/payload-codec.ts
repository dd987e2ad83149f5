/**
 * Event payloads are records as the services return them; JSON keeps everything of them but dates, which travel as
 * `{ "$date": "…" }` and come back as Date.
 */
export function encodePayload(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodePayload);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodePayload(item)]));
  return value;
}

export function decodePayload(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodePayload);
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === "$date" && typeof entries[0][1] === "string") return new Date(entries[0][1]);
    return Object.fromEntries(entries.map(([key, item]) => [key, decodePayload(item)]));
  }
  return value;
}
