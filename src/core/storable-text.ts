/**
 * Text PostgreSQL cannot keep as typed: it refuses NUL in text and jsonb (22021 / 22P05), and a lone UTF-16
 * surrogate (half of an emoji, from a bad paste) in jsonb such as audit events; in a text column the driver quietly
 * stores U+FFFD instead.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what it looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = "Contains a character that cannot be stored; remove it and try again";

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Field name → error, for every form value (a string, or a list of them) with text that cannot be stored. */
export function unstorableFields(raw: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (typeof raw !== "object" || raw === null) return errors;
  for (const [field, value] of Object.entries(raw)) {
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((text) => typeof text === "string" && !isStorableText(text))) errors[field] = UNSTORABLE_TEXT_MESSAGE;
  }
  return errors;
}
