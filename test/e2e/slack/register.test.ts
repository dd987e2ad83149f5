import { REGISTER_PAGE } from "../../../src/features/requests/register-listing.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { UNSTORABLE_TEXT_REPLY } from "../../../src/core/errors.js";
import { eventually } from "../../support/eventually.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, submitRequest } from "../../support/request-steps.js";
import { channelConversation, TEAMS_APPROVERS, TEAMS_EMPLOYEE } from "../../support/teams-activities.js";
import { cardText, clickTeamsDecision, submitTeamsRequest } from "../teams/teams-steps.js";
import { seedAssessment } from "../../support/register-fixtures.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

type Post = { text: string; blocks: { type: string; text?: { text: string } }[] };

async function register(text: string): Promise<Post> {
  const responseUrl = t.fake.newResponseUrl();
  expect((await t.slack.command(EMPLOYEE, text, { responseUrl })).status).toBe(200);
  return (await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl)).body as Post;
}
const textOf = (post: Post) => post.blocks.map((block) => block.text?.text ?? "").join("\n");

describe("the AI system register, asked for in Slack and in Teams", () => {
  it("says it is empty before anything is approved", async () => {
    expect((await register("register")).text).toBe("The AI system register is empty: no AI tool has been approved yet.");
  });

  it("lists the systems approved in either channel, with risk, role, owner and next review; a pending request is not in it", async () => {
    const slack = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Otter Transcribe", vendor: "Otter.ai" });
    const approval = t.fake.callsTo("chat.postMessage").find((c) => String(c.args.text).includes(slack.reference) && c.args.channel === APPROVALS_CHANNEL)!;
    await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), slack.approvalTs);
    const teams = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Copilot Chat", vendor: "Microsoft" });
    await clickTeamsDecision(t, TEAMS_APPROVERS[0], { card: teams.approvalCard, activityId: teams.approval.responseId! }, "request.approve");
    await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Pending Tool" });
    await eventually(async () => expect(await t.aims.core.prisma.aiSystem.count()).toBe(2));

    const listed = await register("register");
    expect(listed.text).toBe("2 AI system(s) in the register.");
    const text = textOf(listed);
    expect(text).toMatch(/\*SYS-\d{4}\* Copilot Chat · Microsoft\nrisk .* · AI user · owner Eve Employee \(teams\) · next review \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(new RegExp(`\\*SYS-\\d{4}\\* Otter Transcribe · Otter.ai\\nrisk .* · owner <@${EMPLOYEE}>`));
    expect(text.indexOf("Copilot Chat")).toBeLessThan(text.indexOf("Otter Transcribe"));
    expect(text).not.toContain("Pending Tool");
    expect(text).toContain("impact assessment: none signed off yet");

    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "register");
    expect(cardText(reply.body)).toContain("2 AI system(s) in the register.");
    expect(cardText(reply.body)).toContain("owner uemployee1 (Slack)");
    expect(cardText(reply.body)).toContain("Otter Transcribe · Otter.ai");
  });

  it("shows each entry's latest signed-off impact assessment, as ISO 42001 A.5.3 asks of the register", async () => {
    const system = await t.aims.core.prisma.aiSystem.findFirstOrThrow({ where: { name: "Otter Transcribe" } });
    const assessment = (reference: string, level: "medium" | "high", signedOffAt: string | null) =>
      seedAssessment(t.aims.core.prisma, {
        reference,
        aiSystemId: system.id,
        level,
        assessorId: EMPLOYEE,
        ...(signedOffAt ? { status: "signed_off" as const, signedOffAt: new Date(signedOffAt), nextReassessmentAt: new Date("2027-06-01T00:00:00Z") } : {}),
      });
    await assessment("ASM-9001", "medium", "2026-10-01T10:00:00Z");
    await assessment("ASM-9002", "high", "2026-11-20T10:00:00Z");
    await assessment("ASM-9003", "medium", null);
    const text = textOf(await register("register otter"));
    expect(text).toContain("high impact (ASM-9002, signed off 2026-11-20; re-assess by 2027-06-01)");
    expect(text).not.toContain("ASM-9001");
    expect(text).not.toContain("ASM-9003");
  });

  it("searches by name, vendor or reference, and says when nothing matches", async () => {
    expect(textOf(await register("register otter"))).toContain("Otter Transcribe");
    expect((await register("register MICROSOFT")).text).toBe('1 AI system(s) in the register match "MICROSOFT".');
    const reference = (await t.aims.core.prisma.aiSystem.findFirstOrThrow({ where: { name: "Otter Transcribe" } })).reference;
    expect(textOf(await register(`register ${reference.toLowerCase()}`))).toContain("Otter Transcribe");
    // Slack reads <…> in a message's text as a link or mention, so the notification text escapes it too.
    expect((await register("register <script>")).text).toBe('No AI system in the register matches "&lt;script&gt;". If you need it, ask for approval first.');
    expect(textOf(await register("register <script>"))).toContain("&lt;script&gt;");

    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "register copilot");
    expect(cardText(reply.body)).toContain('1 AI system(s) in the register match \\"copilot\\".');
  });

  it("answers a search the database cannot take (a NUL byte) by saying so, not with an error to retry", async () => {
    expect((await register("register otter\u0000")).text).toBe(UNSTORABLE_TEXT_REPLY);
    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "register otter\u0000");
    expect(reply.body).toMatchObject({ text: UNSTORABLE_TEXT_REPLY });
    expect(t.logs()).toContain("refused text the database cannot store");
  });

  it("shows the first page of a large register within Slack's block limit and Teams' card limit, and says how to narrow it", async () => {
    const template = await t.aims.core.prisma.aiSystem.findFirstOrThrow();
    const { id: _id, reference: _reference, createdAt: _createdAt, updatedAt: _updatedAt, requestId: _requestId, aiActClassification: _classification, ...copy } = template;
    await t.aims.core.prisma.aiSystem.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({ ...copy, reference: `SYS-9${String(i).padStart(3, "0")}`, name: `Bulk tool ${String(i).padStart(2, "0")} ${"x".repeat(70)}` })),
    });
    const listed = await register("register");
    expect(listed.text).toBe(`47 AI system(s) in the register (showing the first ${REGISTER_PAGE}).`);
    expect(listed.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(listed)).toContain("/aims register <name>");

    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "register");
    expect(cardText(reply.body)).toContain(`(showing the first ${REGISTER_PAGE})`);
  });

  it("names the approved tools on the App Home, the first ten by name, and says how many more there are", async () => {
    await t.slack.event({ type: "app_home_opened", user: EMPLOYEE, channel: "D0HOMEREG", tab: "home" });
    const publish = await t.fake.waitFor("views.publish", (c) => c.args.user_id === EMPLOYEE);
    expect(publish.response.ok, JSON.stringify(publish.response)).toBe(true);
    const home = JSON.stringify(publish.args.view);
    expect(home).toContain("Approved AI tools");
    expect(home).toContain("*Bulk tool 00 ");
    expect(home).toContain("*Bulk tool 09 ");
    expect(home).not.toContain("*Bulk tool 10 ");
    expect(home).toContain("…and 37 more.");
  });
});
