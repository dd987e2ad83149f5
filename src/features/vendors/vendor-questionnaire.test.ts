import { describe, expect, it } from "vitest";
import { loadVendorQuestionnaire, parseVendorAnswers, parseVendorQuestionnaire, VendorQuestionnaireError } from "./vendor-questionnaire.js";
import { nextYearlyReview, vendorStanding, vendorStatusLine } from "./vendor-status.js";

const VALID = `id: vendor-due-diligence
version: 2
title: Vendor review
controls: ["A.10.3"]
questions:
  - id: dpa
    type: single_choice
    label: DPA in place?
    options:
      - { value: "yes", label: "Yes" }
      - { value: "no", label: "No" }
  - id: retention
    type: text
    label: Retention?
    max_length: 50
  - id: certifications
    type: multi_choice
    label: Certifications?
    optional: true
    options:
      - { value: iso42001, label: "ISO/IEC 42001" }
      - { value: soc2, label: "SOC 2" }
`;

const problemsOf = (text: string) => {
  try {
    parseVendorQuestionnaire(text, "vendors.v2.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(VendorQuestionnaireError);
    return (error as VendorQuestionnaireError).problems;
  }
  throw new Error("expected the questionnaire to be refused");
};

describe("the vendor questionnaire, as data checked at start-up", () => {
  it("loads the shipped questionnaire, which asks what A.10.3 due diligence needs", () => {
    const shipped = loadVendorQuestionnaire();
    expect(shipped).toMatchObject({ id: "vendor-due-diligence", version: 1, controls: ["A.10.2", "A.10.3"] });
    expect(shipped.questions.map((question) => question.id)).toEqual(
      expect.arrayContaining(["trains_on_our_data", "retention", "data_location", "subprocessors", "certifications", "dpa", "model_change_notice"]),
    );
  });

  it("names the file, line and question of each mistake", () => {
    expect(problemsOf(VALID.replace("type: text", "type: essay"))).toEqual([
      'vendors.v2.yaml line 13: question "retention": type: must be one of text, long_text, single_choice, multi_choice (found "essay")',
    ]);
    expect(problemsOf(VALID.replace('controls: ["A.10.3"]', 'controls: ["A.10.9"]'))).toEqual([
      "vendors.v2.yaml line 4: controls.0: is not an ISO/IEC 42001 clause or Annex A control",
    ]);
    expect(problemsOf(VALID.replace("  - id: retention\n    type: text", "  - id: dpa\n    type: text"))).toEqual(['vendors.v2.yaml line 12: question "dpa": id: the id is used twice']);
    expect(problemsOf(VALID.replace("    optional: true\n    options:", "    optional: true\n    max_length: 10\n    options:"))).toEqual([
      'vendors.v2.yaml line 20: question "certifications": max_length: only text questions have a max_length',
    ]);
    expect(problemsOf("id: x\nversion: [\n")[0]).toMatch(/^vendors\.v2\.yaml: YAML syntax error at line \d+/);
    expect(() => loadVendorQuestionnaire("/nonexistent/vendors.v9.yaml")).toThrow(/vendors\.v9\.yaml: cannot read the vendor questionnaire/);
  });

  it("checks submitted answers against the questions: required ones given, choices among the options", () => {
    const questionnaire = parseVendorQuestionnaire(VALID, "vendors.v2.yaml");
    expect(parseVendorAnswers(questionnaire, { dpa: "maybe", retention: "", certifications: ["iso27001"] })).toEqual({
      ok: false,
      errors: { dpa: "Choose among the options", retention: "Answer this question", certifications: "Choose among the options" },
    });
    expect(parseVendorAnswers(questionnaire, { dpa: "yes", retention: "x".repeat(51), certifications: [] })).toEqual({ ok: false, errors: { retention: "Keep it under 50 characters" } });
    expect(parseVendorAnswers(questionnaire, { dpa: "yes", retention: " 30 days ", certifications: [] })).toEqual({ ok: true, answers: { dpa: "yes", retention: "30 days", certifications: [] } });
  });
});

describe("a vendor's standing", () => {
  const now = new Date("2027-06-01T00:00:00Z");
  it("is the stored status until a reviewed vendor's yearly review is past due", () => {
    expect(vendorStanding({ status: "acceptable", nextReviewAt: new Date("2027-07-01T00:00:00Z") }, now)).toBe("acceptable");
    expect(vendorStanding({ status: "not_acceptable", nextReviewAt: new Date("2027-05-01T00:00:00Z") }, now)).toBe("review_overdue");
    expect(vendorStanding({ status: "review_sent", nextReviewAt: new Date("2027-05-01T00:00:00Z") }, now)).toBe("review_sent");
    expect(nextYearlyReview(new Date("2027-02-01T10:00:00Z"))).toEqual(new Date("2028-02-01T10:00:00Z"));
    expect(vendorStatusLine(null, now)).toBe("vendor: no vendor record");
    expect(vendorStatusLine({ reference: "VEN-0001", name: "Acme", status: "acceptable_with_conditions", nextReviewAt: new Date("2028-01-01T00:00:00Z") }, now)).toBe(
      "vendor VEN-0001: 🟡 reviewed: acceptable with conditions",
    );
  });
});
