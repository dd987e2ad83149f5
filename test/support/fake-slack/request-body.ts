import type { IncomingMessage } from "node:http";

/** Arguments that Slack clients send JSON-encoded inside form posts; the fake records them decoded. */
const JSON_ENCODED_ARGS = new Set([
  "attachments",
  "blocks",
  "files",
  "metadata",
  "option_groups",
  "options",
  "unfurls",
  "user_auth_blocks",
  "view",
]);

export async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function contentTypeOf(request: IncomingMessage): string {
  return (request.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
}

/** Web API arguments from a form-encoded or JSON body, with JSON-encoded fields decoded. */
export function parseApiArgs(request: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const text = raw.toString("utf8");
  const args: Record<string, unknown> =
    contentTypeOf(request) === "application/json"
      ? (JSON.parse(text || "{}") as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(text));
  for (const [key, value] of Object.entries(args)) {
    if (JSON_ENCODED_ARGS.has(key) && typeof value === "string") {
      try {
        args[key] = JSON.parse(value);
      } catch {
        // Slack would refuse it as invalid JSON; keep the raw string so validation reports it.
      }
    }
  }
  return args;
}

/** The bytes of an upload: WebClient posts them as multipart/form-data; a raw body is accepted too. */
export async function parseUploadBytes(request: IncomingMessage, raw: Buffer): Promise<Buffer> {
  if (contentTypeOf(request) !== "multipart/form-data") return raw;
  const form = await new Response(raw, { headers: { "content-type": request.headers["content-type"] ?? "" } }).formData();
  for (const value of form.values()) {
    if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  }
  const firstText = form.values().next().value;
  return Buffer.from(typeof firstText === "string" ? firstText : "");
}
