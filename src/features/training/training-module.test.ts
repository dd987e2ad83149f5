import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTrainingModules } from "./load-modules.js";
import { parseTrainingModule } from "./training-module.js";

const GOOD = `id: short
version: 1
title: Short
summary: A short module.
passMark: 100
renewalMonths: 6
assignTo:
  roles: [owner]
lessons:
  - title: One
    text: Read this.
questions:
  - id: only
    text: Did you read it?
    options:
      - id: yes-i-did
        text: Yes
      - id: no
        text: No
    answer: yes-i-did
    explanation: You did.
`;

describe("training module files", () => {
  it("ships at least the two modules, each valid, for everyone and for owners of high-risk systems", () => {
    const modules = loadTrainingModules();
    expect(modules.find((module) => module.id === "ai-literacy-basics")?.assignTo).toEqual({ everyone: true });
    expect(modules.find((module) => module.id === "owning-a-high-risk-ai-system")?.assignTo).toEqual({ systemOwners: ["high"] });
  });

  it("names the file and the line of each problem", () => {
    expect(parseTrainingModule(GOOD, "short.v1.yaml").questions[0]?.answer).toBe("yes-i-did");
    const badAnswer = GOOD.replace("    answer: yes-i-did", "    answer: maybe");
    expect(() => parseTrainingModule(badAnswer, "short.v1.yaml")).toThrow('short.v1.yaml:20: questions.0.answer: "maybe" is not one of the options (yes-i-did, no)');
    const badRole = GOOD.replace("roles: [owner]", "roles: [janitor]");
    expect(() => parseTrainingModule(badRole, "short.v1.yaml")).toThrow(/short\.v1\.yaml:8: assignTo\.roles\.0: /);
    expect(() => parseTrainingModule(GOOD.replace("assignTo:\n  roles: [owner]", "assignTo: {}"), "short.v1.yaml")).toThrow("short.v1.yaml:7: assignTo: must name someone");
    expect(() => parseTrainingModule(GOOD, "short.v2.yaml")).toThrow("short.v2.yaml:2: version: the file name says version 2, the file 1");
    expect(() => parseTrainingModule(`${GOOD}  - id: [`, "short.v1.yaml")).toThrow(/short\.v1\.yaml:\d+: YAML syntax error/);
  });

  it("stops at the first bad file of a folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aims-training-"));
    try {
      await writeFile(join(dir, "short.v1.yaml"), GOOD);
      expect(loadTrainingModules(dir).map((module) => module.id)).toEqual(["short"]);
      await writeFile(join(dir, "broken.v1.yaml"), GOOD.replace("id: short", "id: broken").replace("passMark: 100", "passMark: 0"));
      expect(() => loadTrainingModules(dir)).toThrow(/broken\.v1\.yaml:5: passMark: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
