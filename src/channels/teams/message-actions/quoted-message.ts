import type { MessageActionPayload } from "../transport/index.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Teams hands message actions the message as HTML; people and the triagers read it as text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h\d)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (!name.startsWith("#")) return ENTITIES[name.toLowerCase()] ?? entity;
      const codePoint = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
    })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The text of the message a message action was started on, and who wrote it (as Teams shows them). */
export function messageOf(payload: MessageActionPayload | undefined): { text: string; authorId?: string; authorName?: string; messageId?: string } {
  const body = payload?.body;
  const text = body?.contentType === "html" ? htmlToText(body.content ?? "") : (body?.content ?? "").trim();
  const user = payload?.from?.user;
  return { text, authorId: user?.id, authorName: user?.displayName, messageId: payload?.id };
}
