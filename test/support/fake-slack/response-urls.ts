import { randomBytes } from "node:crypto";
import { RecordedList } from "./recorded-list.js";

export const RESPONSE_URL_PATH_PREFIX = "/response-url/";
const MAX_USES = 5;
const LIFETIME_MS = 30 * 60 * 1000;

export interface ResponseUrlPost {
  url: string;
  body: unknown;
  at: number;
}

export interface ResponseUrlAnswer {
  status: number;
  text: string;
}

/** response_url endpoints: JSON posts, at most 5 uses within 30 minutes each, as on Slack. */
export class ResponseUrls {
  readonly posts = new RecordedList<ResponseUrlPost>((post) => `${post.url} ${JSON.stringify(post.body)}`);
  private readonly issued = new Map<string, { uses: number; createdAt: number }>();

  create(baseUrl: string): string {
    const id = randomBytes(12).toString("hex");
    this.issued.set(id, { uses: 0, createdAt: Date.now() });
    return `${baseUrl}${RESPONSE_URL_PATH_PREFIX}${id}`;
  }

  accept(url: string, id: string, rawBody: string): ResponseUrlAnswer {
    const issued = this.issued.get(id);
    if (!issued) return { status: 404, text: "no_active_url" };
    if (Date.now() - issued.createdAt > LIFETIME_MS) return { status: 404, text: "expired_url" };
    if (issued.uses >= MAX_USES) return { status: 404, text: "used_url" };
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return { status: 400, text: "invalid_payload" };
    }
    issued.uses += 1;
    this.posts.push({ url, body, at: Date.now() });
    return { status: 200, text: "ok" };
  }

  clear(): void {
    this.posts.clear();
    this.issued.clear();
  }
}
