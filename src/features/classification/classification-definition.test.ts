import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "../../core/iso42001/yaml-data-file.js";
import { CLASSIFICATION_DEFINITION_FILE, ClassificationDefinitionError, euAiActDefinition, parseClassificationDefinition } from "./classification-definition.js";
import { classify, readAnswers, stopExplanation } from "./classify.js";

const shipped = readFileSync(join(findRepoRoot(import.meta.url), CLASSIFICATION_DEFINITION_FILE), "utf8");
const FILE = "eu-ai-act.v1.yaml";
const at = new Date("2027-01-01T00:00:00Z");
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

function problemsOf(text: string, name = FILE): readonly string[] {
  try {
    parseClassificationDefinition(text, name);
  } catch (error) {
    if (error instanceof ClassificationDefinitionError) return error.problems;
    throw error;
  }
  throw new Error("the definition was accepted");
}

const minimal = {
  aiact_role: "deployer",
  aiact_prohibited: ["none"],
  aiact_annex_iii: ["none"],
  aiact_annex_i: "no",
  aiact_transparency: ["none"],
  aiact_gpai: "no",
};

describe("the EU AI Act classification definition", () => {
  it("ships valid: version 1, every question and option citing its article or annex", () => {
    const definition = euAiActDefinition();
    expect(definition.version).toBe(1);
    for (const question of definition.questions) {
      expect(question.cites, question.id).toMatch(/Art\.|Annex/);
      for (const option of question.options) expect(option.cites, `${question.id}.${option.value}`).toMatch(/Art\.|Annex/);
    }
    for (const outcome of definition.outcomes) expect(outcome.cites, outcome.id).toMatch(/Art\.|Annex/);
    expect(definition.questions.find((question) => question.id === "prohibited")!.options.filter((option) => option.outcome === "prohibited")).toHaveLength(8);
    expect(definition.questions.find((question) => question.id === "annex_iii")!.options.filter((option) => option.outcome === "high_risk")).toHaveLength(8);
  });

  it("fails on an unknown outcome with the file and the line of the answer that names it", () => {
    const broken = shipped.replace("        outcome: prohibited\n", "        outcome: banned\n");
    const line = lineOf(broken, "outcome: banned");
    expect(problemsOf(broken)).toEqual([expect.stringMatching(new RegExp(`^${FILE}:${line}: questions\\.1\\.options\\.0\\.outcome: unknown outcome "banned"`))]);
  });

  it("fails on an unknown role, an unknown control, a missing citation and a version that is not the file's, each with its line", () => {
    const broken = shipped
      .replace("        role: importer", "        role: reseller")
      .replace("controls: [A.5.2, A.9.2]", "controls: [A.5.2, A.99.1]")
      .replace("    cites: Art. 50\n    none: none", "    none: none")
      .replace("version: 1", "version: 2");
    const problems = problemsOf(broken);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${FILE}:${lineOf(broken, "role: reseller")}: questions\\.0\\.options\\.2\\.role: `))]),
    );
    expect(problemsOf(shipped.replace("controls: [A.5.2, A.9.2]", "controls: [A.5.2, A.99.1]"))).toEqual([
      `${FILE}:${lineOf(shipped, "controls: [A.5.2, A.9.2]")}: outcomes.5.controls.1: unknown ISO/IEC 42001 Annex A control "A.99.1"`,
    ]);
    expect(problemsOf(shipped.replace("    cites: Art. 50\n    none: none", "    none: none"))).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:${lineOf(shipped, "  - id: transparency")}: questions\\.4\\.cites: `)),
    ]);
    expect(problemsOf(shipped.replace("version: 1", "version: 2"))).toEqual([`${FILE}:${lineOf(shipped, "version: 1")}: version: the file name says version 1, the file 2`]);
  });

  it("reports a YAML syntax error with its line", () => {
    expect(problemsOf("version: 1\nquestions: [\n")[0]).toMatch(new RegExp(`^${FILE}:\\d+: YAML syntax error`));
  });
});

describe("classifying answers", () => {
  const definition = euAiActDefinition();
  const classifyRaw = (raw: Record<string, string | string[]>) => {
    const read = readAnswers(definition, { ...minimal, ...raw });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    return classify(definition, read.answers, at);
  };

  it("is minimal risk when nothing applies, citing Art. 95", () => {
    const result = classifyRaw({});
    expect(result).toMatchObject({ outcome: "minimal", role: "deployer", definitionVersion: 1, classifiedAt: at.toISOString() });
    expect(result.reasons[0]).toContain("(Art. 95)");
  });

  it("takes the highest-ranked outcome and keeps every one that applies, with the duties of our role", () => {
    const result = classifyRaw({ aiact_role: "importer", aiact_annex_i: "yes", aiact_transparency: ["synthetic_content"], aiact_gpai: "provides_gpai" });
    expect(result.outcome).toBe("high_risk");
    expect(result.applies.map((outcome) => outcome.id)).toEqual(["high_risk", "gpai_provider", "transparency"]);
    expect(result.applies[0].duty).toContain("(Art. 23)");
    expect(result.reasons).toEqual(["Yes (Art. 6(1), Annex I)", "Generates or manipulates audio, images, video or text (Art. 50(2))", "We place a general-purpose AI model on the market (Art. 53)"]);
  });

  it("explains a stop with every prohibited practice chosen", () => {
    const result = classifyRaw({ aiact_prohibited: ["social_scoring", "crime_prediction"] });
    expect(result.outcome).toBe("prohibited");
    expect(stopExplanation(definition, result)).toContain("(Art. 5(1)(c)); Predicting crime by a person solely from profiling or personality traits (Art. 5(1)(d)).");
  });

  it("reads Teams' comma-joined lists and refuses missing answers", () => {
    expect(readAnswers(definition, { ...minimal, aiact_transparency: "chatbot,deep_fake" })).toMatchObject({ ok: true, answers: { transparency: ["chatbot", "deep_fake"] } });
    expect(readAnswers(definition, { ...minimal, aiact_gpai: undefined })).toEqual({ ok: false, errors: { aiact_gpai: "Choose one" } });
  });
});
