import type { z } from "zod";

/**
 * Turns a path into the definition document into words a definition author can act on, e.g.
 * ["sections", 2, "questions", 1, "options"] -> section "data" question "data_categories", field "options".
 */
export function describeProblem(sourceName: string, path: readonly PropertyKey[], message: string, document: unknown): string {
  const { entity, rest } = entityAt(path, document);
  const field = rest.map((segment) => (typeof segment === "number" ? `item ${segment + 1}` : String(segment))).join(".");
  const parts = [sourceName, entity, field].filter((part) => part.length > 0);
  return `${parts.join(": ")}: ${message}`;
}

function entityAt(path: readonly PropertyKey[], document: unknown): { entity: string; rest: readonly PropertyKey[] } {
  const [first, second, third, fourth, fifth, sixth] = path;
  if (first === "sections" && typeof second === "number") {
    const section = childAt(document, "sections", second);
    let entity = `section ${named(section, "id", second)}`;
    if (third === "questions" && typeof fourth === "number") {
      const question = childAt(section, "questions", fourth);
      entity += ` question ${named(question, "id", fourth)}`;
      if (fifth === "options" && typeof sixth === "number") {
        return { entity: `${entity} option ${named(childAt(question, "options", sixth), "value", sixth)}`, rest: path.slice(6) };
      }
      return { entity, rest: path.slice(4) };
    }
    return { entity, rest: path.slice(2) };
  }
  if (first === "scoring" && second === "rules" && typeof third === "number") {
    return { entity: `scoring rule ${named(childAt(childAt(document, "scoring"), "rules", third), "id", third)}`, rest: path.slice(3) };
  }
  return { entity: "", rest: path };
}

function childAt(parent: unknown, key: string, index?: number): unknown {
  if (typeof parent !== "object" || parent === null) return undefined;
  const child = (parent as Record<string, unknown>)[key];
  if (index === undefined) return child;
  return Array.isArray(child) ? child[index] : undefined;
}

function named(entity: unknown, key: string, index: number): string {
  const name = childAt(entity, key);
  return typeof name === "string" && name.length > 0 ? `"${name}"` : `#${index + 1}`;
}

/** Plain-language messages for the generic zod issues; schema-specific messages take precedence. */
export const definitionIssueMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "is required" : `must be ${article(issue.expected)} (found ${describeInput(issue.input)})`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => String(value)).join(", ")} (found ${describeInput(issue.input)})`;
    case "too_big":
      return `${sizeNoun(issue.origin, issue.inclusive === false ? "less than" : "at most", issue.maximum)} (found ${sizeOf(issue.input)})`;
    case "too_small":
      return `${sizeNoun(issue.origin, issue.inclusive === false ? "more than" : "at least", issue.minimum)} (found ${sizeOf(issue.input)})`;
    case "invalid_union":
      return `has an unsupported value (${describeInput(issue.input)})`;
    default:
      return undefined;
  }
};

function sizeNoun(origin: string, bound: string, limit: number | bigint): string {
  if (origin === "string") return `must be ${bound} ${limit} characters`;
  if (origin === "array") return `must have ${bound} ${limit} items`;
  return `must be ${bound} ${limit}`;
}

function sizeOf(input: unknown): string {
  if (typeof input === "string") return `${input.length} characters`;
  if (Array.isArray(input)) return `${input.length} items`;
  return String(input);
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeInput(input: unknown): string {
  if (input === null) return "nothing";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  return JSON.stringify(input);
}
