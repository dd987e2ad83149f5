import { beforeAll, describe, expect, it } from "vitest";
import type { QuestionnaireDefinition } from "./definition-schema.js";
import { defaultDefinitionPath, loadQuestionnaireDefinition, parseQuestionnaireDefinition } from "./load-definition.js";
import { likelihoodSeverityLevel, scoreAssessment } from "./scoring.js";

const engine = parseQuestionnaireDefinition(
  `
id: engine
version: 1
title: Engine
sections:
  - id: main
    title: Main
    questions:
      - { id: customers, type: likelihood_severity, label: "Customers: how likely and how bad?", group_label: customers }
      - { id: staff, type: likelihood_severity, label: "Staff: how likely and how bad?" }
      - id: groups
        type: multi_choice
        label: Who is affected?
        options:
          - { value: customers, label: Customers, weight: 2 }
          - { value: children, label: Children, weight: 5, raises_to: high, reason: "{option} are among the people affected" }
          - { value: public, label: The public, weight: 4 }
      - { id: review, type: yes_no, label: Human review? }
      - { id: special, type: yes_no, label: Special-category data? }
      - id: children_detail
        type: single_choice
        label: How young?
        show_if: { question: groups, includes: children }
        options: [{ value: toddlers, label: Toddlers, raises_to: critical, reason: "toddlers are affected" }]
      - { id: quality, type: scale, label: Data quality? }
scoring:
  weight_levels: { medium: 6, high: 9 }
  rules:
    - id: special_without_review
      when: { all: [{ question: special, equals: "yes" }, { question: review, equals: "no" }, { question: groups, includes_any: [customers, public] }] }
      raises_to: critical
      reason: "processes special-category data about {answer:groups} without human review"
    - id: poor_quality_or_no_review
      when: { any: [{ question: quality, at_most: 2 }, { question: review, equals: "no" }] }
      raises_to: medium
      reason: data quality is poor or nobody reviews outputs
`,
  "engine.yaml",
);

describe("likelihood x severity buckets", () => {
  it.each([
    [1, "low"], [4, "low"], [5, "medium"], [9, "medium"], [10, "high"], [16, "high"], [20, "critical"], [25, "critical"],
  ] as const)("risk %i is %s", (risk, level) => {
    expect(likelihoodSeverityLevel(engine, risk)).toBe(level);
  });

  it("reports every rated group and explains the ones above low", () => {
    const score = scoreAssessment(engine, { customers: { likelihood: 3, severity: 4 }, staff: { likelihood: 1, severity: 2 } });
    expect(score.groups).toEqual([
      { groupId: "customers", label: "customers", likelihood: 3, severity: 4, risk: 12, level: "high" },
      { groupId: "staff", label: "Staff: how likely and how bad?", likelihood: 1, severity: 2, risk: 2, level: "low" },
    ]);
    expect(score.level).toBe("high");
    expect(score.reasons).toEqual(["high: impact on customers is rated likelihood 3 × severity 4 = 12"]);
  });

  it("makes a 4 x 5 group critical", () => {
    expect(scoreAssessment(engine, { customers: { likelihood: 4, severity: 5 } })).toMatchObject({ level: "critical" });
  });
});

describe("option flags and weights", () => {
  it("raises the level with the option's reason, filling in {option}", () => {
    const score = scoreAssessment(engine, { groups: ["children"] });
    expect(score.level).toBe("high");
    expect(score.reasons[0]).toBe("high: Children are among the people affected");
  });

  it("sums weights and compares them with the thresholds, naming the largest contributions", () => {
    expect(scoreAssessment(engine, { groups: ["customers"] })).toMatchObject({ level: "low", totalWeight: 2 });
    const score = scoreAssessment(engine, { groups: ["customers", "public"] });
    expect(score).toMatchObject({ level: "medium", totalWeight: 6 });
    expect(score.reasons).toEqual([
      'medium: the answers add up to a risk weight of 6, at or above the medium threshold of 6; the largest contributions are "The public" (4) and "Customers" (2)',
    ]);
  });

  it("ignores answers to questions hidden by show_if", () => {
    const score = scoreAssessment(engine, { groups: ["customers"], children_detail: "toddlers" });
    expect(score.level).toBe("low");
  });
});

describe("rules", () => {
  it("raises to critical only when the whole combination holds, with the answer in the reason", () => {
    const combination = { special: "yes", review: "no", groups: ["customers"] };
    expect(scoreAssessment(engine, combination).reasons).toEqual([
      "critical: processes special-category data about Customers without human review",
      "medium: data quality is poor or nobody reviews outputs",
    ]);
    expect(scoreAssessment(engine, combination).level).toBe("critical");
    expect(scoreAssessment(engine, { ...combination, review: "yes" }).level).toBe("low");
    expect(scoreAssessment(engine, { ...combination, special: "no" }).level).toBe("medium");
    expect(scoreAssessment(engine, { special: "yes", review: "no" }).level).toBe("medium");
  });

  it("applies an any-rule when one of its conditions holds", () => {
    expect(scoreAssessment(engine, { quality: 2, review: "yes" }).reasons).toEqual(["medium: data quality is poor or nobody reviews outputs"]);
    expect(scoreAssessment(engine, { quality: 3, review: "yes" }).level).toBe("low");
  });

  it("orders reasons from the highest level down and says so when nothing raised the level", () => {
    const score = scoreAssessment(engine, { quality: 1, groups: ["children", "public"], children_detail: "toddlers" });
    expect(score.reasons.map((reason) => reason.split(":")[0])).toEqual(["critical", "high", "high", "medium"]);
    expect(scoreAssessment(engine, {}).reasons).toEqual(["low: no answer raised the risk above low."]);
  });
});

describe("the shipped definition's rules", () => {
  let shipped: QuestionnaireDefinition;
  beforeAll(async () => {
    shipped = await loadQuestionnaireDefinition(defaultDefinitionPath());
  });

  // A careful, low-risk internal use: nothing here should raise the level.
  const benign = {
    decision_role: "informs",
    decisions_about_people: "no",
    affected_groups: ["employees"],
    impact_employees: { likelihood: 2, severity: 2 },
    societal_impact: "none",
    personal_data: "no",
    data_sources: ["own_same_purpose"],
    data_provenance: "documented",
    data_quality: 4,
    unequal_outcomes: "no",
    bias_testing: "not_applicable",
    people_informed: "always",
    explainability: "yes",
    user_guidance: "yes",
    human_review: "always",
    reviewer_can_override: "yes",
    contest_route: "documented",
    can_stop: "yes",
    physical_harm: "no",
    security_threats: ["none_identified"],
    monitoring: "automated",
    event_logging: "yes",
    data_shared_with_vendor: "stays_internal",
    compute_intensity: "light",
    reversibility: "easily",
    people_reached: "under_100",
    residual_risk_acceptable: "yes",
  };

  it("scores a careful internal use as low", () => {
    expect(scoreAssessment(shipped, benign)).toMatchObject({ level: "low", reasons: ["low: no answer raised the risk above low."] });
  });

  it("makes special-category data in unreviewed decisions about people critical", () => {
    const score = scoreAssessment(shipped, {
      ...benign,
      decisions_about_people: "yes",
      decision_areas: ["customer_treatment"],
      contest_route: "documented",
      bias_testing: "tested_documented",
      personal_data: "yes",
      children_data: "no",
      privacy_review: "done",
      data_categories: ["health"],
      human_review: "never",
    });
    expect(score.level).toBe("critical");
    expect(score.reasons[0]).toBe(
      "critical: the system uses special-category data (Health or medical information) in decisions about people and no person reviews its output before it takes effect",
    );
    expect(score.reasons).toContain("high: the system processes health data, a special category of personal data");
  });

  it.each([
    [{ decision_role: "decides", human_review: "never" }, "high: the system makes decisions by itself and no person ever reviews its output"],
    [
      { physical_harm: "directly", human_review: "on_complaint" },
      "critical: a wrong output could directly cause physical harm and no person reviews outputs before they take effect",
    ],
    [{ reversibility: "irreversible", people_reached: "over_1m" }, "critical: harm that could not be undone could reach More than 1 million people a year"],
    [{ personal_data: "yes", children_data: "yes", privacy_review: "done" }, "high: the system processes personal data about children"],
    [
      { decisions_about_people: "yes", bias_testing: "not_tested" },
      "high: the system feeds into decisions about people and has not been tested for unfair differences between groups",
    ],
    [
      { decisions_about_people: "yes", contest_route: "no" },
      "high: people affected by decisions the system feeds into have no way to question them or reach a person",
    ],
    [{ reviewer_can_override: "no" }, "medium: the people reviewing outputs cannot change or reject them, or lack the time or knowledge to do so"],
    [{ human_review: "never", reviewer_can_override: "no" }, "low: no answer raised the risk above low."],
    [{ can_stop: "no" }, "medium: the system cannot be switched off or bypassed quickly if it misbehaves"],
    [{ data_quality: 2 }, "medium: there is little confidence that the data is accurate, complete and representative"],
    [{ personal_data: "yes", privacy_review: "no" }, "medium: personal data is used and the privacy contact has not reviewed this use"],
    [{ residual_risk_acceptable: "no" }, "high: the assessor does not consider the remaining risk acceptable even after the planned actions"],
    [{ data_shared_with_vendor: "vendor_may_train" }, "high: our data is sent to a vendor that may use it to train its models"],
    [{ decisions_about_people: "yes", decision_areas: ["employment"] }, "high: the system feeds into decisions about people's employment (Recruitment, work allocation, promotion, pay or dismissal)"],
    [{ affected_groups: ["public"], impact_public: { likelihood: 4, severity: 5 } }, "critical: impact on the general public is rated likelihood 4 × severity 5 = 20"],
  ])("%o gives %s", (change, reason) => {
    const score = scoreAssessment(shipped, { ...benign, ...change });
    expect(score.reasons).toContain(reason);
    expect(score.level).toBe(reason.split(":")[0]);
  });

  it("lets many moderate answers add up to medium through weights", () => {
    const score = scoreAssessment(shipped, {
      ...benign,
      affected_groups: ["employees", "customers", "public"],
      impact_customers: { likelihood: 1, severity: 1 },
      impact_public: { likelihood: 1, severity: 1 },
      people_informed: "sometimes",
      explainability: "partly",
      user_guidance: "draft",
      security_threats: ["prompt_injection", "data_leakage"],
      monitoring: "periodic",
      compute_intensity: "heavy_use",
    });
    expect(score.totalWeight).toBe(11);
    expect(score.level).toBe("medium");
    expect(score.reasons[0]).toMatch(/^medium: the answers add up to a risk weight of 11, at or above the medium threshold of 10/);
  });
});
