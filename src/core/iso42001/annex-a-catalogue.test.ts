import { describe, expect, it } from "vitest";
import { parseAnnexACatalogue } from "./annex-a-catalogue.js";
import { ANNEX_A_CATALOGUE_PATH } from "./controls.js";
import { DataFileError, readRepoTextFile } from "./yaml-data-file.js";

const validYaml = readRepoTextFile(ANNEX_A_CATALOGUE_PATH);

function problemsOf(yamlText: string): readonly string[] {
  try {
    parseAnnexACatalogue(yamlText, "annex-a.yaml");
  } catch (error) {
    if (error instanceof DataFileError) return error.problems;
    throw error;
  }
  throw new Error("expected the catalogue to be rejected");
}

describe("parseAnnexACatalogue", () => {
  it("accepts the shipped catalogue", () => {
    expect(parseAnnexACatalogue(validYaml, "annex-a.yaml").controls).toHaveLength(38);
  });

  it("names the control whose record type is outside the vocabulary", () => {
    const bad = validYaml.replace("evidence_record_types: [role_assignment, group_membership, approval_stage_deadline]", "evidence_record_types: [org_chart, group_membership, approval_stage_deadline]");
    expect(problemsOf(bad)).toEqual([
      'id A.3.2, evidence_record_types.0: "org_chart" is not a known evidence record type',
    ]);
  });

  it("names the control with an empty title", () => {
    const bad = validYaml.replace("title: Data provenance", 'title: ""');
    expect(problemsOf(bad)).toEqual([expect.stringMatching(/^id A\.7\.5, title: /)]);
  });

  it("reports a control filed under the wrong section", () => {
    const bad = validYaml.replace("      - id: A.4.2\n", "      - id: A.5.2\n");
    expect(problemsOf(bad)).toEqual(
      expect.arrayContaining([
        "id A.5.2, id: does not belong in group A.4",
        "duplicate control ids: A.5.2",
        "missing control ids: A.4.2",
      ]),
    );
  });

  it("reports an unknown control id", () => {
    const bad = validYaml.replace("- id: A.10.4", "- id: A.10.5");
    expect(problemsOf(bad)).toEqual(['id A.10.5, id: "A.10.5" is not an Annex A control id']);
  });

  it("rejects a clause number written as a YAML number", () => {
    const bad = validYaml.replace('- id: "10.1"', "- id: 10.1");
    expect(problemsOf(bad)).toEqual([expect.stringMatching(/^clauses\.18\.id: /)]);
  });

  it("rejects text that is not YAML", () => {
    expect(problemsOf("groups: [unclosed")).toEqual([expect.stringMatching(/^not valid YAML/)]);
  });
});
