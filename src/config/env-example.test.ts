import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { envSchema } from "./env.js";

const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
const mentioned = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
const active = Object.fromEntries(
  example
    .split("\n")
    .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
);

describe(".env.example", () => {
  it("documents every setting the bot reads", () => {
    const settings = Object.keys(envSchema.shape).filter((name) => name !== "NODE_ENV");
    expect(settings.filter((name) => !mentioned.has(name))).toEqual([]);
  });

  it("names no setting the bot does not read", () => {
    expect([...mentioned].filter((name) => !(name in envSchema.shape))).toEqual([]);
  });

  it("every setting is also in the README's settings table", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect([...mentioned].filter((name) => !readme.includes(`| \`${name}\` |`))).toEqual([]);
  });

  it("gives every setting a comment of its own, right above it", () => {
    const lines = example.split("\n");
    const sharingTheLineAbove = lines.flatMap((line, index) => {
      const name = /^#?\s*([A-Z][A-Z0-9_]+)=/.exec(line)?.[1];
      const above = lines[index - 1] ?? "";
      return name && /^#?\s*[A-Z][A-Z0-9_]+=/.test(above) ? [name] : [];
    });
    expect(sharingTheLineAbove).toEqual([]);
  });

  it("gives every setting its own meaning in the README's settings table", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const rows = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| [^|]* \| (.+) \|$/gm)].map(([, name, meaning]) => ({ name, meaning }));
    const shared = rows.filter((row) => rows.some((other) => other !== row && other.meaning === row.meaning)).map((row) => row.name);
    expect(rows.length).toBeGreaterThan(40);
    expect(shared).toEqual([]);
  });

  it("loads as it stands", () => {
    expect(() => loadConfig(active)).not.toThrow();
  });
});
