import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { z } from "zod";

/** Keys whose value names a list element in error messages, e.g. `control A.6.2.2`. */
const IDENTIFYING_KEYS = ["control", "id"] as const;

export class DataFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid data in ${source}:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.name = "DataFileError";
  }
}

/**
 * The folder holding package.json, found by walking up from `startUrl`. Data files stay in src/, so this
 * finds them both when running from src/ (tsx, vitest) and from compiled dist/.
 */
export function findRepoRoot(startUrl: string = import.meta.url): string {
  const start = dirname(fileURLToPath(startUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json found in ${start} or any folder above it`);
  }
}

/** Parses YAML text and validates it; every problem names the element it is in and what is wrong. */
export function parseYamlData<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  source: string,
): z.output<Schema> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new DataFileError(source, [`not valid YAML: ${(error as Error).message}`]);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new DataFileError(source, result.error.issues.map((issue) => describeIssue(raw, issue)));
  return result.data;
}

/** Reads a text file given relative to the repository root. */
export function readRepoTextFile(repoRelativePath: string): string {
  return readFileSync(join(findRepoRoot(), repoRelativePath), "utf8");
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  let element: string | undefined;
  let pathInElement: PropertyKey[] = issue.path;
  let node = raw;
  issue.path.forEach((key, index) => {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const name = identify(node);
    if (name) {
      element = name;
      pathInElement = issue.path.slice(index + 1);
    }
  });
  const where = [element, pathInElement.map(String).join(".")].filter(Boolean).join(", ");
  return where ? `${where}: ${issue.message}` : issue.message;
}

function identify(node: unknown): string | undefined {
  if (!isRecord(node)) return undefined;
  const key = IDENTIFYING_KEYS.find((candidate) => typeof node[candidate] === "string");
  return key ? `${key} ${String(node[key])}` : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
