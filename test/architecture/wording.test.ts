import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 12: a sentence users read is written once (in a capability's *-wording.ts, or a shared wording module)
// and imported wherever it is needed, so two copies cannot drift apart.
const SRC = path.resolve(import.meta.dirname, "../../src");
const looksLikeSentence = (text: string) => text.length >= 25 && /^[A-Z]/.test(text) && text.split(/\s+/).length >= 5;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(SRC, "db/generated") ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Index just past the closing `close` of a literal opened at `start`, skipping escapes (and, for a regex, classes). */
function endOf(code: string, start: number, close: string): number {
  let i = start + 1;
  for (let inClass = false; i < code.length && (code[i] !== close || inClass); i++) {
    if (code[i] === "\\") i++;
    else if (close === "/" && (code[i] === "[" || code[i] === "]")) inClass = code[i] === "[";
  }
  return i + 1;
}

/**
 * The quoted strings and substitution-free templates of a TypeScript file, as written. A small lexer rather than
 * the TypeScript parser: it only has to step over comments, regexes and `${…}`, and it keeps this test fast.
 */
function literalsOf(code: string): string[] {
  const found: string[] = [];
  const braces: ("block" | "template")[] = [];
  let previous = ""; // the last token character, to tell a regex from a division
  for (let i = 0; i < code.length; ) {
    const c = code[i];
    const next = code[i + 1];
    let end = i + 1;
    if (c === "/" && next === "/") end = code.indexOf("\n", i) >>> 0;
    else if (c === "/" && next === "*") end = (code.indexOf("*/", i + 2) >>> 0) + 2;
    else if (c === '"' || c === "'") {
      end = endOf(code, i, c);
      found.push(code.slice(i + 1, end - 1));
    } else if (c === "`" || (c === "}" && braces.at(-1) === "template")) {
      if (c === "}") braces.pop();
      for (end = i + 1; end < code.length && code[end] !== "`" && !(code[end] === "$" && code[end + 1] === "{"); end++) if (code[end] === "\\") end++;
      if (code[end] === "`") {
        if (c === "`") found.push(code.slice(i + 1, end));
        end++;
      } else {
        braces.push("template");
        end += 2;
      }
    } else if (c === "/" && (previous === "" || "(,=:[!&|?{};+-*%<>~^".includes(previous) || /\breturn$/.test(code.slice(0, i).trimEnd()))) {
      end = endOf(code, i, "/");
    } else if (c === "{") braces.push("block");
    else if (c === "}") braces.pop();
    if (!/\s/.test(c) && !(c === "/" && (next === "/" || next === "*"))) previous = code[end - 1] ?? "";
    i = Math.max(Math.min(end, code.length), i + 1);
  }
  return found;
}

/** For each sentence-like literal of src/ (tests aside), the files it is written in. */
function sentencesOfSrc(): Map<string, Set<string>> {
  const files = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const relative = path.relative(SRC, file).split(path.sep).join("/");
    for (const text of literalsOf(readFileSync(file, "utf8")).filter(looksLikeSentence)) {
      files.set(text, (files.get(text) ?? new Set()).add(relative));
    }
  }
  return files;
}

describe("wording", () => {
  const sentences = sentencesOfSrc();

  it("sees the sentences of src/ (the scan itself works)", () => {
    const code = [
      'const a = x / 2; /* "comment" */ // `comment`',
      'const b = /"regex/g, c = `n $' + '{"inner"} o`, d = `plain`;',
    ].join("\n");
    expect(literalsOf(code)).toEqual(["inner", "plain"]);
    expect([...sentences.keys()].some((s) => s.startsWith("AIMS owners: erase a leaver's personal data"))).toBe(true);
  });

  it("defines no user-facing sentence in more than one file", () => {
    const duplicated = [...sentences]
      .filter(([, files]) => files.size > 1)
      .map(([sentence, files]) => `"${sentence}" in ${[...files].sort().join(", ")}`);
    expect(duplicated).toEqual([]);
  });
});
