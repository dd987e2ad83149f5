import { describe, expect, it } from "vitest";
import { CONTROL_IDS, isControlId } from "../../../core/iso42001/controls.js";
import { ORG_ROLES } from "../../../core/iso42001/org-roles.js";
import { DataFileError, readRepoTextFile } from "../../../core/iso42001/yaml-data-file.js";
import {
  DEFAULT_APPLICABILITY,
  DEFAULT_APPLICABILITY_PATH,
  parseDefaultApplicability,
} from "./default-applicability.js";

const shippedYaml = readRepoTextFile(DEFAULT_APPLICABILITY_PATH);

function problemsOf(yamlText: string): readonly string[] {
  try {
    parseDefaultApplicability(yamlText, "default-applicability.yaml");
  } catch (error) {
    if (error instanceof DataFileError) return error.problems;
    throw error;
  }
  throw new Error("expected the defaults to be rejected");
}

/** The shipped YAML with the first occurrence of `text` inside one control's block replaced. */
function withChangeInControl(controlId: string, text: string, replacement: string): string {
  const start = shippedYaml.indexOf(`- control: ${controlId}\n`);
  const at = shippedYaml.indexOf(text, start);
  expect(start, controlId).toBeGreaterThanOrEqual(0);
  expect(at, text).toBeGreaterThan(start);
  return shippedYaml.slice(0, at) + replacement + shippedYaml.slice(at + text.length);
}

describe("shipped default applicability", () => {
  it("has one entry for every Annex A control", () => {
    expect([...DEFAULT_APPLICABILITY.keys()].sort()).toEqual([...CONTROL_IDS].sort());
  });

  it("cites only real Annex A controls in its justifications", () => {
    for (const entry of DEFAULT_APPLICABILITY.values()) {
      for (const role of ORG_ROLES) {
        for (const cited of entry.roles[role].justification.match(/A\.\d+(\.\d+)+/g) ?? []) {
          expect(isControlId(cited), `${entry.controlId} ${role} cites ${cited}`).toBe(true);
        }
      }
    }
  });
});

describe("parseDefaultApplicability", () => {
  it("names the control whose applicability is not a boolean", () => {
    const bad = withChangeInControl("A.6.2.2", "applicable: false", "applicable: perhaps");
    expect(problemsOf(bad)).toEqual([
      "control A.6.2.2, roles.ai_user.applicable: Invalid input: expected boolean, received string",
    ]);
  });

  it("names the control whose justification is not a full sentence", () => {
    const bad = withChangeInControl("A.7.6", "We prepare data to train and test our AI systems.", "We prepare data");
    expect(problemsOf(bad)).toEqual(["control A.7.6, roles.ai_producer.justification: must end with a full stop"]);
  });

  it("names the control that lacks a role", () => {
    const bad = withChangeInControl("A.9.3", "      ai_producer:\n", "      ai_producers:\n");
    expect(problemsOf(bad)).toEqual(
      expect.arrayContaining([
        "control A.9.3, roles.ai_producer: Invalid input: expected object, received undefined",
        expect.stringMatching(/^control A\.9\.3, roles: Unrecognized key: "ai_producers"/),
      ]),
    );
  });

  it("reports duplicated and missing controls", () => {
    const bad = shippedYaml.replace("- control: A.10.4\n", "- control: A.10.3\n");
    expect(problemsOf(bad)).toEqual(["duplicate control ids: A.10.3", "missing control ids: A.10.4"]);
  });

  it("names an unknown control id", () => {
    const bad = shippedYaml.replace("- control: A.10.4\n", "- control: A.10.9\n");
    expect(problemsOf(bad)).toEqual(['control A.10.9, control: "A.10.9" is not an Annex A control id']);
  });
});
