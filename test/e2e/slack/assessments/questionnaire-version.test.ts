import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAims } from "../../../../src/app/app.js";
import { loadConfig } from "../../../../src/config/config.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { EventBus } from "../../../../src/core/events.js";
import { AssessmentService } from "../../../../src/features/assessments/assessment-service.js";
import {
  DEFAULT_REASSESSMENT_INTERVALS,
  defaultDefinitionPath,
  parseQuestionnaireDefinition,
  questionsForStep,
  type Question,
} from "../../../../src/features/assessments/questionnaire/index.js";
import { createLogger } from "../../../../src/log/logger.js";
import { APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";

const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
const employee = { channel: "slack" as const, id: EMPLOYEE };
let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock });
});
afterAll(async () => {
  await t?.stop();
});

function mildAnswer(question: Question): unknown {
  switch (question.type) {
    case "text":
    case "long_text":
      return "Checked and written down.";
    case "yes_no":
      return "yes";
    case "scale":
      return 4;
    case "date":
      return "2027-03-01";
    case "likelihood_severity":
      return { likelihood: 1, severity: 2 };
    case "multi_choice":
      return [question.options![0]!.value];
    default:
      return question.options![0]!.value;
  }
}

async function answerEveryStep(service: AssessmentService, reference: string) {
  for (const [index, step] of service.steps.entries()) {
    const current = (await service.find(reference))!;
    const raw = Object.fromEntries(
      questionsForStep(service.definition, step, current.answers as never).map(({ question }) => [question.id, mildAnswer(question)]),
    );
    const saved = await service.saveStep(employee, reference, index, raw);
    expect(saved.kind, JSON.stringify(saved)).toBe("saved");
  }
}

async function pendingRequest(toolName: string): Promise<string> {
  const submitted = await t.aims.core.requests.submit(employee, { ...VALID_REQUEST, toolName }, `version-test:${toolName}`);
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return submitted.request.reference;
}

async function approvedSystem(toolName: string): Promise<string> {
  const reference = await pendingRequest(toolName);
  const decided = await t.aims.core.requests.decide({ channel: "slack", id: APPROVERS[0] }, reference, 1, "approved");
  if (decided.kind !== "decided") throw new Error(JSON.stringify(decided));
  return decided.aiSystem!.reference;
}

describe("a new questionnaire version (through the core: it is channel-neutral)", () => {
  it("leaves stored answers of the old version untouched and carries fitting ones into a re-assessment", async () => {
    const v1 = t.aims.core.assessments;
    const system = await approvedSystem("Version test tool");
    const started = await v1.start(employee, { subjectReference: system, trigger: "initial" });
    if (started.kind !== "started") throw new Error(JSON.stringify(started));
    const reference = started.assessment.reference;
    await answerEveryStep(v1, reference);
    expect((await v1.submit(employee, reference)).kind).toBe("submitted");
    expect((await v1.reviews.review({ channel: "slack", id: OWNERS[0] }, reference, 1, "signed_off")).kind).toBe("reviewed");
    const signedOff = await t.aims.core.prisma.impactAssessment.findUniqueOrThrow({ where: { reference } });
    expect((signedOff.answers as Record<string, unknown>).retention).toBe("Checked and written down.");

    // Version 2 renames the "retention" question: its old answers no longer fit anywhere.
    const text = (await readFile(defaultDefinitionPath(), "utf8")).replace("version: 1", "version: 2").replace("id: retention\n", "id: retention_period\n");
    const v2 = new AssessmentService({
      prisma: t.aims.core.prisma,
      clock,
      roles: t.aims.core.roles,
      events: new EventBus(t.aims.core.prisma, createLogger("silent")),
      definition: parseQuestionnaireDefinition(text, "impact-assessment.v2.yaml"),
      reassessmentIntervals: DEFAULT_REASSESSMENT_INTERVALS,
    });

    const again = await v2.start(employee, { subjectReference: system, trigger: "significant_change", changeDescription: "New model" });
    if (again.kind !== "started") throw new Error(JSON.stringify(again));
    expect(again.prefilledFrom).toBe(reference);
    expect(again.assessment.definitionVersion).toBe("2");
    expect(again.assessment.answers).toMatchObject({ purpose: "Checked and written down." });
    expect(again.assessment.answers).not.toHaveProperty("retention");
    expect(again.assessment.setAsideAnswers).toEqual({ "1": { retention: "Checked and written down." } });

    const untouched = await t.aims.core.prisma.impactAssessment.findUniqueOrThrow({ where: { reference } });
    expect(untouched).toEqual(signedOff);
    expect((await v2.findForDisplay(reference))!.definitionVersion).toBe("1");
  });

  it("carries a draft begun under the old version over when it is resumed, keeping what no longer fits", async () => {
    const v1 = t.aims.core.assessments;
    const request = await pendingRequest("Draft across versions");
    const started = await v1.start(employee, { subjectReference: request, trigger: "initial" });
    if (started.kind !== "started") throw new Error(JSON.stringify(started));
    const draft = started.assessment.reference;
    const raw = Object.fromEntries(questionsForStep(v1.definition, v1.steps[0]!, {}).map(({ question }) => [question.id, mildAnswer(question)]));
    expect((await v1.saveStep(employee, draft, 0, raw)).kind).toBe("saved");

    const text = (await readFile(defaultDefinitionPath(), "utf8")).replace("version: 1", 'version: "1.1.0"').replace("id: purpose\n", "id: use_purpose\n");
    const v11 = new AssessmentService({
      prisma: t.aims.core.prisma,
      clock,
      roles: t.aims.core.roles,
      events: new EventBus(t.aims.core.prisma, createLogger("silent")),
      definition: parseQuestionnaireDefinition(text.replaceAll("question: purpose", "question: use_purpose"), "impact-assessment.v1.1.yaml"),
      reassessmentIntervals: DEFAULT_REASSESSMENT_INTERVALS,
    });
    const resumed = await v11.resume(employee, draft);
    if (resumed.kind !== "ok") throw new Error(JSON.stringify(resumed));
    expect(resumed.assessment).toMatchObject({ definitionVersion: "1.1.0", currentStep: 0 });
    expect(resumed.assessment.answers).toMatchObject({ decision_role: "informs" });
    expect(resumed.assessment.setAsideAnswers).toEqual({ "1": { purpose: "Checked and written down." } });
    const audit = await t.aims.core.prisma.auditEvent.findFirstOrThrow({ where: { entityId: draft, action: "assessment.questionnaire_updated" } });
    expect(audit.before).toMatchObject({ definitionVersion: "1", answers: { purpose: "Checked and written down." } });
  });
});

describe("an invalid questionnaire definition", () => {
  it("stops start-up with a message naming the file, the question and the problem", async () => {
    const directory = await mkdtemp(join(tmpdir(), "aims-definition-"));
    const path = join(directory, "our-assessment.yaml");
    const text = (await readFile(defaultDefinitionPath(), "utf8")).replace("id: decision_role\n        type: single_choice", "id: decision_role\n        type: free_text");
    await writeFile(path, text);
    const config = loadConfig({ NODE_ENV: "test", PORT: "0", DATA_DIR: directory, AIMS_ASSESSMENT_DEFINITION: path });
    await expect(startAims(config, { logger: createLogger("silent") })).rejects.toThrow(
      /our-assessment\.yaml: section "intended_use" question "decision_role": type: must be one of/,
    );
  });
});
