import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLASSIFICATION_IDS } from "../../../../src/features/classification/conversation/classification-ids.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { channelConversation, TEAMS_APPROVERS, TEAMS_EMPLOYEE, TEAMS_OTHER } from "../../../support/teams-activities.js";
import { actionOf, cardIn, cardText, expectCardResponse, openTeamsForm, submitTeamsRequest, teamsFormData } from "../teams-steps.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

describe("EU AI Act classification in Teams", () => {
  it("classifies a request at intake: a high-risk use raises the tier and the approvals card shows the classification", async () => {
    const { reference, approvalCard } = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "ExamProctor", aiact_annex_iii: ["education"], aiact_role: "provider" });
    const text = cardText(approvalCard);
    expect(text).toContain("**EU AI Act**: **High-risk AI system** (Art. 6, Annex I, Annex III) · classification v1");
    expect(text).toContain("Our role: provider (Art. 3(3))");
    expect(text).toContain("conformity assessment (Art. 43)");
    expect(text).toContain("(Annex III point 3)");
    expect(await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference } })).toMatchObject({ riskTier: "high", aiActOutcome: "high_risk" });
  });

  it("stops a prohibited practice: the form comes back with the article under the question, every answer kept", async () => {
    const before = await t.aims.core.prisma.aiToolRequest.count();
    const { submit, call } = await openTeamsForm(t, TEAMS_EMPLOYEE);
    const { body } = await t.teams.invoke(TEAMS_EMPLOYEE, {
      verb: submit.verb,
      data: { ...submit.data, ...teamsFormData({ ...VALID_REQUEST, toolName: "FaceHarvest", aiact_prohibited: ["face_scraping", "manipulation"] }) },
      replyToId: call.responseId,
    });
    const form = expectCardResponse(body);
    expect(cardText(form)).toContain("prohibited AI practice under the EU AI Act");
    expect(cardText(form)).toContain("(Art. 5(1)(a))");
    expect(cardText(form)).toContain("(Art. 5(1)(e))");
    expect(cardText(form)).toContain("FaceHarvest");
    expect(await t.aims.core.prisma.aiToolRequest.count()).toBe(before);
  });

  it("classifies a register entry from before classification, by its owner only", async () => {
    await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0950", name: "WriterBot", ownerChannel: "teams", ownerId: TEAMS_EMPLOYEE.aadObjectId, riskTier: "low" });
    const { reply: refused } = await t.teams.ask(TEAMS_OTHER, "classify SYS-0950");
    expect(String(refused.body.text)).toContain("Only the owner of SYS-0950 or an AIMS owner can classify it.");

    const { reply: listed } = await t.teams.ask(TEAMS_EMPLOYEE, "classify");
    expect(cardText(cardIn(listed))).toContain("**SYS-0950** WriterBot");

    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "classify SYS-0950");
    const card = cardIn(reply);
    const save = actionOf(card, CLASSIFICATION_IDS.forms.system);
    const answers = { aiact_role: "deployer", aiact_prohibited: "none", aiact_annex_iii: "none", aiact_annex_i: "no", aiact_transparency: "synthetic_content,deep_fake", aiact_gpai: "uses_gpai" };
    const { body } = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: save.verb, data: { ...save.data, ...answers }, replyToId: reply.responseId });
    const result = cardText(expectCardResponse(body));
    expect(result).toContain("**SYS-0950** is classified: Transparency obligations.");
    expect(result).toContain("disclose deep fakes and AI-written public information (Art. 50(4))");
    expect(result).toContain("Built on a general-purpose AI model");
    const system = await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { reference: "SYS-0950" } });
    expect(system).toMatchObject({ aiActOutcome: "transparency", riskTier: "low" });

    const { reply: register } = await t.teams.ask(TEAMS_EMPLOYEE, "register writerbot");
    expect(cardText(cardIn(register))).toContain("EU AI Act: **Transparency obligations** (Art. 50) · classification v1");
  });
});
