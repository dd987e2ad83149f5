/**
 * Deterministic JSON: object keys sorted at every depth, no whitespace. Two equal values always produce the same
 * text, whatever order their keys were written or stored in (Postgres jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(toJsonValue(value)));
}

/** The value as it will look after a JSON round trip (Dates become ISO strings, undefined disappears). */
export function toJsonValue<T>(value: T): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
