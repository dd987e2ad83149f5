import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { classificationDueSource } from "../../../../src/features/classification/classification-due-source.js";
import { CLASSIFICATION_IDS } from "../../../../src/features/classification/conversation/classification-ids.js";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { requestFormState, VALID_REQUEST } from "../../../support/request-form-state.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { buttonValue, clickDecision, decisionIds, openRequestModal, submitRequest } from "../../../support/request-steps.js";
import { dmsTo, openFromCommand, SCHEDULING_ENV, tick } from "../scheduling/scheduling-steps.js";

const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, 10:00 in London
const WAIT_MS = 20_000;

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL: "" } });
});
afterAll(async () => {
  await t?.stop();
});

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: { text?: string }[]; hint?: { text: string }; element?: { options?: { value: string; description?: { text: string } }[] } };
type View = { id: string; callback_id: string; private_metadata: string; blocks: Block[] };

const textOf = (blocks: Block[]) => blocks.map((block) => block.text?.text ?? (block.elements ?? []).map((element) => element.text ?? "").join(" ")).join("\n");

async function ephemeral(userId: string, text: string): Promise<{ text: string; blocks: Block[] }> {
  const responseUrl = t.fake.newResponseUrl();
  expect((await t.slack.command(userId, text, { responseUrl })).status).toBe(200);
  return (await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl, WAIT_MS)).body as { text: string; blocks: Block[] };
}

async function submitAnswers(userId: string, view: View, answers: Record<string, string | string[]>) {
  const values = requestFormState({ ...VALID_REQUEST, ...answers });
  const classification = Object.fromEntries(Object.entries(values).filter(([id]) => id.startsWith("aiact_")));
  const response = await t.slack.submitView(userId, { id: view.id, callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: classification } });
  expect(response.status).toBe(200);
  const text = await response.text();
  return text ? (JSON.parse(text) as { response_action: string; errors?: Record<string, string> }) : undefined;
}

describe("EU AI Act classification in Slack", () => {
  it("asks the classification questions in the request form, each question and option citing its article or annex", async () => {
    const view = (await openRequestModal(t, EMPLOYEE)) as unknown as View;
    const prohibited = view.blocks.find((block) => block.block_id === "aiact_prohibited")!;
    expect(prohibited.hint?.text).toContain("Art. 5(1)");
    expect(prohibited.element?.options?.find((option) => option.value === "social_scoring")?.description?.text).toBe("Art. 5(1)(c)");
    const annexIii = view.blocks.find((block) => block.block_id === "aiact_annex_iii")!;
    expect(annexIii.element?.options?.find((option) => option.value === "employment")?.description?.text).toBe("Annex III point 4");
    expect(view.blocks.map((block) => block.block_id)).toEqual(expect.arrayContaining(["aiact_role", "aiact_annex_i", "aiact_transparency", "aiact_gpai"]));
  });

  it("raises a high-risk use to the high tier, shows the classification to approvers, and blocks approval until an impact assessment is signed off", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, {
      ...VALID_REQUEST,
      toolName: "HireRank",
      aiact_annex_iii: ["employment"],
      aiact_transparency: ["chatbot"],
      aiact_gpai: "uses_gpai",
    });
    const request = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference } });
    expect(request.riskTier).toBe("high");
    expect(request.riskReasons).toEqual(["high risk under the EU AI Act (Annex III point 4)"]);
    expect(request.aiActOutcome).toBe("high_risk");
    const stored = request.aiActClassification as { definitionVersion: number; role: string; applies: { id: string }[]; controls: string[] };
    expect(stored.definitionVersion).toBe(1);
    expect(stored.role).toBe("deployer");
    expect(stored.applies.map((outcome) => outcome.id)).toEqual(["high_risk", "transparency", "gpai_downstream"]);
    expect(request.controls).toEqual(expect.arrayContaining(["A.5.3", "A.8.2", "A.10.3"]));

    const approval = t.fake.callsTo("chat.postMessage").find((call) => call.args.channel === APPROVALS_CHANNEL && String(call.args.text).includes(reference))!;
    const text = textOf(approval.args.blocks as Block[]);
    expect(text).toContain("*EU AI Act*: *High-risk AI system* (Art. 6, Annex I, Annex III) · classification v1");
    expect(text).toContain("Our role: deployer (Art. 3(4))");
    expect(text).toContain("(Art. 26)");
    expect(text).toContain("Employment: recruiting, promotion, dismissal, task allocation, monitoring (Annex III point 4)");
    expect(text).toContain("*Transparency obligations* (Art. 50)");
    expect(text).toContain("ISO/IEC 42001: A.10.2, A.10.3, A.5.2, A.5.3");

    const responseUrl = await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    const blocked = await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl, WAIT_MS);
    expect(JSON.stringify(blocked.body)).toContain("is high risk, so it can only be approved once an AI system impact assessment");
    expect((await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("pending");
  });

  it("stops a prohibited practice with the article that bans it, and files nothing", async () => {
    const before = await t.aims.core.prisma.aiToolRequest.count();
    const view = await openRequestModal(t, EMPLOYEE);
    const state = requestFormState({ ...VALID_REQUEST, toolName: "CitizenScore", aiact_prohibited: ["social_scoring"] });
    const response = await t.slack.submitView(EMPLOYEE, { ...view, state: { values: state } });
    const answer = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe("errors");
    expect(answer.errors.aiact_prohibited).toContain("prohibited AI practice under the EU AI Act");
    expect(answer.errors.aiact_prohibited).toContain("(Art. 5(1)(c))");
    expect(await t.aims.core.prisma.aiToolRequest.count()).toBe(before);
  });

  it("refuses \"None of these\" together with a practice, and an answer the question does not offer", async () => {
    const view = await openRequestModal(t, EMPLOYEE);
    const state = requestFormState({ ...VALID_REQUEST, aiact_transparency: ["none", "chatbot"], aiact_role: "operator" });
    const answer = (await (await t.slack.submitView(EMPLOYEE, { ...view, state: { values: state } })).json()) as { errors: Record<string, string> };
    expect(answer.errors).toEqual({ aiact_transparency: '"None of these" cannot go with another choice', aiact_role: "Choose from the options shown" });
  });

  it("carries a register entry from before classification as not yet classified, reminds its owner, and lets only the owner or an AIMS owner classify it", async () => {
    await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0900", name: "LegacyBot", ownerChannel: "slack", ownerId: EMPLOYEE, riskTier: "medium", aiActClassifyBy: clock.now() });
    expect(textOf((await ephemeral(EMPLOYEE, "register legacybot")).blocks)).toContain("EU AI Act: ⚪ not yet classified");

    await tick(t);
    const reminder = await eventually(() => {
      const dm = dmsTo(t, EMPLOYEE).find((call) => String(call.args.text).includes("Classify SYS-0900 (LegacyBot) under the EU AI Act"));
      expect(dm).toBeDefined();
      return dm!;
    });
    expect(reminder.response.ok).toBe(true);

    expect((await ephemeral(APPROVERS[0], "classify SYS-0900")).text).toBe("Only the owner of SYS-0900 or an AIMS owner can classify it.");

    const list = (await openFromCommand(t, EMPLOYEE, "classify")) as View;
    expect(textOf(list.blocks)).toContain("*SYS-0900* LegacyBot");

    const form = (await openFromCommand(t, EMPLOYEE, "classify sys-0900")) as View;
    expect(form.callback_id).toBe(CLASSIFICATION_IDS.forms.system);
    expect((await submitAnswers(EMPLOYEE, form, { aiact_annex_iii: [] }))?.errors).toEqual({ aiact_annex_iii: 'Choose every one that applies, or "None of these"' });
    const updatesBefore = t.fake.callsTo("views.update").length;
    const saved = await submitAnswers(EMPLOYEE, form, { aiact_annex_iii: ["essential_services"] });
    const shown = saved?.response_action === "update" ? (saved as unknown as { view: View }).view : ((await t.fake.waitForCount("views.update", updatesBefore + 1, WAIT_MS)).at(-1)!.args.view as View);
    expect(textOf(shown.blocks)).toContain("*SYS-0900* is classified: High-risk AI system.");
    expect(textOf(shown.blocks)).toContain("Essential services: public benefits, credit scoring, insurance, emergencies (Annex III point 5)");

    const system = await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { reference: "SYS-0900" } });
    expect(system).toMatchObject({ aiActOutcome: "high_risk", riskTier: "high", aiActClassifyBy: null, status: "active" });
    const audit = await t.aims.core.prisma.auditEvent.findFirstOrThrow({ where: { action: "register.classified", entityId: "SYS-0900" } });
    expect(audit.controls).toEqual(expect.arrayContaining(["A.5.2", "A.5.3", "A.9.4"]));
    expect(textOf((await ephemeral(EMPLOYEE, "register SYS-0900")).blocks)).toContain("EU AI Act: *High-risk AI system* (Art. 6, Annex I, Annex III) · classification v1");
    expect(await classificationDueSource.find(t.aims.core.prisma, "SYS-0900")).toBeNull();

    const outDir = await mkdtemp(join(tmpdir(), "aims-classification-"));
    const exported = await t.aims.core.auditPacks.exportFor({ channel: "slack", id: OWNERS[0], name: "Olive Owner" }, { outDir });
    if (exported.kind !== "exported") throw new Error(exported.kind);
    const register = JSON.parse(await readFile(join(exported.pack.folder, "records", "ai-system-register.json"), "utf8")) as Record<string, unknown>[];
    const entry = register.find((row) => row.reference === "SYS-0900")!;
    expect(entry).toMatchObject({ aiActOutcome: "high_risk", aiActClassification: expect.objectContaining({ definitionVersion: 1, outcome: "high_risk" }) });
    expect(entry.controls).toEqual(expect.arrayContaining(["A.5.3", "A.9.4"]));
    const evidence = await readFile(join(exported.pack.folder, "evidence-by-control.csv"), "utf8");
    expect(evidence).toContain("A.5.3,register_entry,SYS-0900");
    await rm(outDir, { recursive: true, force: true });
  });

  it("lets an AIMS owner classify anyone's entry; a prohibited practice suspends it", async () => {
    await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0901", name: "MoodCam", ownerChannel: "slack", ownerId: APPROVERS[1], riskTier: "medium" });
    const form = (await openFromCommand(t, OWNERS[0], "classify SYS-0901")) as View;
    const updatesBefore = t.fake.callsTo("views.update").length;
    const saved = await submitAnswers(OWNERS[0], form, { aiact_prohibited: ["emotion_workplace"] });
    const shown = saved?.response_action === "update" ? (saved as unknown as { view: View }).view : ((await t.fake.waitForCount("views.update", updatesBefore + 1, WAIT_MS)).at(-1)!.args.view as View);
    expect(textOf(shown.blocks)).toContain("SYS-0901 is a prohibited practice, so it is now suspended");
    expect(await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { reference: "SYS-0901" } })).toMatchObject({ aiActOutcome: "prohibited", status: "suspended" });
  });
});
