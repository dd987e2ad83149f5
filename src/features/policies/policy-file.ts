/** A file someone shared with the bot, as the chat describes it before it is downloaded. */
export interface SharedFile {
  name: string;
  /** The MIME type the chat gives (Slack), if any. */
  mimetype?: string;
  /** The chat's own file type (Slack `filetype`, Teams `fileType`), if any. */
  fileType?: string;
  /** Bytes, when the chat says. */
  size?: number;
}

export type FileProblem = { kind: "not_markdown" } | { kind: "too_large"; maxBytes: number } | { kind: "empty" } | { kind: "not_text" };

const MARKDOWN_NAME = /\.(md|markdown)$/i;

/**
 * Markdown only: a `text/markdown` file, or one the chat calls Markdown by its type or `.md` name, as long as it
 * says nothing other than text (a Word file renamed `.md` is refused).
 */
export function isMarkdown(file: SharedFile): boolean {
  const mime = file.mimetype?.split(";")[0]?.trim().toLowerCase();
  if (mime === "text/markdown" || mime === "text/x-markdown") return true;
  const namedMarkdown = MARKDOWN_NAME.test(file.name) || ["markdown", "md"].includes(file.fileType?.toLowerCase() ?? "");
  return namedMarkdown && (mime === undefined || mime === "text/plain");
}

/** What is wrong with the file before downloading it (its kind, its announced size), or null. */
export function fileProblem(file: SharedFile, maxBytes: number): FileProblem | null {
  if (!isMarkdown(file)) return { kind: "not_markdown" };
  if (file.size !== undefined && file.size > maxBytes) return { kind: "too_large", maxBytes };
  if (file.size === 0) return { kind: "empty" };
  return null;
}

/** The downloaded bytes as text, or what is wrong with them: too large, not UTF-8 text, or only whitespace. */
export function markdownOf(bytes: Uint8Array, maxBytes: number): { text: string } | FileProblem {
  if (bytes.byteLength > maxBytes) return { kind: "too_large", maxBytes };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { kind: "not_text" };
  }
  if (text.includes("\u0000")) return { kind: "not_text" };
  return text.trim() === "" ? { kind: "empty" } : { text: text.replace(/^\uFEFF/, "") };
}
