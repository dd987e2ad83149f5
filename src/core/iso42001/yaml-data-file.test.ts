import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DataFileError, findRepoRoot, parseYamlData } from "./yaml-data-file.js";

describe("findRepoRoot", () => {
  it("walks up from a compiled dist/ module to the folder holding package.json", () => {
    const root = mkdtempSync(join(tmpdir(), "repo-root-"));
    writeFileSync(join(root, "package.json"), "{}");
    const moduleDir = join(root, "dist", "core", "iso42001");
    mkdirSync(moduleDir, { recursive: true });
    try {
      expect(findRepoRoot(pathToFileURL(join(moduleDir, "controls.js")).href)).toBe(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("finds this repository from its own source", () => {
    expect(findRepoRoot()).toBe(join(import.meta.dirname, "..", "..", ".."));
  });
});

describe("parseYamlData", () => {
  const schema = z.array(z.strictObject({ control: z.string(), applicable: z.boolean() }));

  it("returns validated data", () => {
    expect(parseYamlData("- control: A.2.2\n  applicable: true\n", schema, "x.yaml")).toEqual([
      { control: "A.2.2", applicable: true },
    ]);
  });

  it("names the element a problem sits in and the source file", () => {
    const yamlText = "- control: A.2.2\n  applicable: true\n- control: A.2.3\n  applicable: maybe\n";
    expect(() => parseYamlData(yamlText, schema, "x.yaml")).toThrow(DataFileError);
    expect(() => parseYamlData(yamlText, schema, "x.yaml")).toThrow(
      /^Invalid data in x\.yaml:\n- control A\.2\.3, applicable: Invalid input: expected boolean, received string$/,
    );
  });

  it("falls back to the path when no element carries an identifier", () => {
    expect(() => parseYamlData("- applicable: true\n", schema, "x.yaml")).toThrow(/- 0\.control: Invalid input/);
  });
});
