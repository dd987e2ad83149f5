/** Text of one value in an export: dates as ISO 8601, lists joined with "; ", objects as JSON, nothing as "". */
export function exportText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(exportText).join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * One CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed
 * with an apostrophe, because the auditor opens these files in one and the text came from chat.
 */
export function csvCell(value: unknown): string {
  let text = exportText(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A value as it goes into the JSON files: dates as ISO 8601 text, everything else unchanged. */
export function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  return value ?? null;
}
