import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, parseDocument } from "yaml";
import { z } from "zod";

/** One well-known AI service: links to `domain` (or any of its subdomains) are links to `tool` of `vendor`. */
export interface CatalogueEntry {
  domain: string;
  tool: string;
  vendor: string;
}

/** A bad catalogue file: every problem, each with the file and line, stops start-up. */
export class LinkCatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`The AI service catalogue is not valid:\n${problems.join("\n")}`);
    this.name = "LinkCatalogueError";
  }
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const entrySchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(DOMAIN, "must be a domain name such as claude.ai (no scheme, path or wildcard)"),
  tool: z.string().trim().min(1, "must name the tool").max(80),
  vendor: z.string().trim().min(1, "must name the vendor").max(80),
});
const catalogueSchema = z.object({ services: z.array(z.unknown()).min(1, "must list at least one service") }).strict();

/** A link's host name, lower case and without a leading `www.`; undefined when it is no http(s) link. */
export function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
    return parsed.hostname.toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
  } catch {
    return undefined;
  }
}

/** Whether `host` is `domain` or one of its subdomains. */
export const hostMatches = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

/** The shipped catalogue and an organisation's own, read once at start-up. */
export class LinkCatalogue {
  constructor(readonly entries: readonly CatalogueEntry[]) {}

  /** The domains, in the file's order: the Slack manifest's unfurl_domains and the Teams manifest's. */
  domains(): string[] {
    return this.entries.map((entry) => entry.domain);
  }

  /** The entry of the most specific domain the link's host falls under. */
  match(url: string): CatalogueEntry | undefined {
    const host = hostOf(url);
    if (!host) return undefined;
    return this.entries.filter((entry) => hostMatches(host, entry.domain)).sort((a, b) => b.domain.length - a.domain.length)[0];
  }
}

/** Parses a catalogue; throws LinkCatalogueError naming the file and line of every problem. */
export function parseLinkCatalogue(text: string, sourceName: string): LinkCatalogue {
  const document = parseDocument(text);
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : text.slice(0, offset).split("\n").length);
  if (document.errors.length > 0) {
    throw new LinkCatalogueError(document.errors.map((error) => `${sourceName}, line ${error.linePos?.[0]?.line ?? 1}: ${error.message.split("\n")[0]}`));
  }
  const top = catalogueSchema.safeParse(document.toJS());
  if (!top.success) {
    throw new LinkCatalogueError(top.error.issues.map((issue) => `${sourceName}, line 1: ${issue.path.join(".") || "the file"} ${issue.message}`));
  }
  const services = document.get("services", true);
  const nodes = isSeq(services) ? services.items : [];
  const problems: string[] = [];
  const entries: CatalogueEntry[] = [];
  const seen = new Map<string, number>();
  nodes.forEach((node, index) => {
    const line = lineOf((node as { range?: [number, number, number] }).range?.[0]);
    const parsed = entrySchema.safeParse(isMap(node) ? node.toJSON() : undefined);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${sourceName}, line ${line}: service ${index + 1}, ${issue.path.join(".") || "entry"} ${issue.message}`);
      return;
    }
    const first = seen.get(parsed.data.domain);
    if (first !== undefined) {
      problems.push(`${sourceName}, line ${line}: ${parsed.data.domain} is listed twice (first at line ${first})`);
      return;
    }
    seen.set(parsed.data.domain, line);
    entries.push(parsed.data);
  });
  if (problems.length > 0) throw new LinkCatalogueError(problems);
  return new LinkCatalogue(entries);
}

/** The catalogue in force: an organisation's own file, or the shipped one. */
export async function loadLinkCatalogue(path: string | undefined): Promise<LinkCatalogue> {
  const file = path ?? defaultCataloguePath();
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new LinkCatalogueError([`${basename(file)}: cannot read the catalogue (${error instanceof Error ? error.message : String(error)})`]);
  }
  return parseLinkCatalogue(text, basename(file));
}

/** The shipped catalogue, found from src/ (tsx, vitest) and from compiled code in dist/ alike. */
export function defaultCataloguePath(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let directory = start; ; directory = dirname(directory)) {
    if (existsSync(join(directory, "package.json"))) return join(directory, "src", "features", "link-answers", "catalogue", "ai-services.yaml");
    if (dirname(directory) === directory) throw new Error(`no package.json found above ${start}`);
  }
}

/** Links in a chat text: Slack's `<https://…|label>` and `<https://…>`, and bare http(s) links. */
export function linksIn(text: string): string[] {
  const found = [...text.matchAll(/<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>|(https?:\/\/[^\s<>"')\]]+)/g)].map((match) => (match[1] ?? match[2] ?? "").replace(/[.,;:!?]+$/, ""));
  return [...new Set(found.filter(Boolean))];
}
