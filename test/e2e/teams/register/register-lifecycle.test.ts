import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGISTER_IDS } from "../../../../src/features/register/conversation/register-ids.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { channelConversation, personalChatId, TEAMS_APPROVERS, TEAMS_EMPLOYEE, TEAMS_OTHER } from "../../../support/teams-activities.js";
import { actionOf, cardIn, cardText, expectCardResponse } from "../teams-steps.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

describe("the fuller register in Teams", () => {
  it("shows an entry in full; a user records that they use it; the owner keeps the details and suspends it, and the user is told", async () => {
    await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0800", name: "DeepL Write", vendor: "DeepL", url: "https://www.deepl.com/write", ownerChannel: "teams", ownerId: TEAMS_EMPLOYEE.aadObjectId });

    const { reply: asOther } = await t.teams.ask(TEAMS_OTHER, "system SYS-0800");
    const otherCard = cardIn(asOther);
    expect(cardText(otherCard)).toContain("✅ In use");
    expect(otherCard.actions?.map((action) => action.verb)).toEqual([REGISTER_IDS.actions.use]);
    const use = actionOf(otherCard, REGISTER_IDS.actions.use);
    await t.teams.invoke(TEAMS_OTHER, { verb: use.verb, data: use.data, replyToId: asOther.responseId });
    expect(await t.aims.core.prisma.aiSystemUser.count({ where: { externalId: TEAMS_OTHER.aadObjectId } })).toBe(1);

    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "system SYS-0800");
    const card = cardIn(reply);
    const edit = actionOf(card, REGISTER_IDS.actions.editDetails);
    const { body: formBody } = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: edit.verb, data: edit.data, replyToId: reply.responseId });
    const form = expectCardResponse(formBody);
    const save = actionOf(form, REGISTER_IDS.forms.details);
    const { body: saved } = await t.teams.invoke(TEAMS_EMPLOYEE, {
      verb: save.verb,
      data: { ...save.data, modelName: "DeepL LLM", hosting: "saas", hostingRegion: "EU", dataCategories: "internal,customer", guidanceUrl: "https://intranet.example.com/deepl", reason: "Documented for the register" },
      replyToId: reply.responseId,
    });
    expect(cardText(expectCardResponse(saved))).toContain("Saved the details of SYS-0800.");
    expect(await t.aims.core.prisma.aiSystem.findUniqueOrThrow({ where: { reference: "SYS-0800" } })).toMatchObject({ modelName: "DeepL LLM", hosting: "saas", hostingRegion: "EU", dataCategories: ["internal", "customer"] });

    const suspend = actionOf(card, REGISTER_IDS.actions.lifecycle.suspend);
    const { body: reasonBody } = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: suspend.verb, data: suspend.data, replyToId: reply.responseId });
    const reasonForm = expectCardResponse(reasonBody);
    const confirm = actionOf(reasonForm, REGISTER_IDS.forms.lifecycle);
    const { body: done } = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: confirm.verb, data: { ...confirm.data, reason: "Data processing agreement expired" }, replyToId: reply.responseId });
    expect(cardText(expectCardResponse(done))).toContain("SYS-0800 is now ⏸ Suspended. 1 user(s) are being told.");

    const told = await t.teams.connector.waitFor("send", (call) => call.conversationId === personalChatId(TEAMS_OTHER) && cardText(call.body).includes("An AI tool you use has changed"));
    expect(cardText(told.body)).toContain("Reason: Data processing agreement expired");
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "register.suspended", entityId: "SYS-0800" } })).toBe(1);
  });
});
