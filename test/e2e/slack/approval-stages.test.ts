import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, decisionValue, submitRequest } from "../../support/request-steps.js";
import { channelConversation, TEAMS_APPROVALS_CONVERSATION, TEAMS_APPROVERS, TEAMS_OTHER } from "../../support/teams-activities.js";
import { actionOf, cardIn, cardText, clickTeamsDecision, expectCardResponse, expectMessageResponse } from "../teams/teams-steps.js";

/**
 * Stages by risk, through both chats on one app: a low-risk request needs an approver, then an AIMS owner; a
 * medium-risk one an approver and, in parallel, one approver and one owner together (all-of).
 */
const POLICY = `version: 3
routes:
  - tier: low
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver] }
      - { id: owner, name: AIMS owner, anyOf: [role:owner] }
  - tier: medium
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver] }
      - { id: board, name: Board, allOf: [role:approver, role:owner], parallel: true }
  - tier: high
    stages:
      - { id: approval, name: Approver, anyOf: [role:approver] }
  - tier: high
    classification: high_risk
    stages:
      - { id: owner-review, name: AIMS owner review, anyOf: [role:owner] }
`;

let t: TestAims;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "aims-policy-"));
  const policy = join(dir, "policy.yaml");
  await writeFile(policy, POLICY);
  t = await startTestAims({ teams: true, env: { AIMS_APPROVAL_POLICY: policy, TEAMS_OWNERS: TEAMS_OTHER.aadObjectId } });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

const textOf = (body: unknown) => JSON.stringify(body);

/** The request's message in the Slack approvals channel and its card in the Teams approvals conversation, as last shown. */
async function latestMessages(reference: string, approvalTs: string, slackContains: string, teamsContains: string) {
  const slack = await t.fake.waitFor("chat.update", (c) => c.args.ts === approvalTs && textOf(c.args.blocks).includes(slackContains));
  const teams = await t.teams.connector.waitFor(
    "update",
    (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(c.body).includes(reference) && cardText(c.body).includes(teamsContains),
  );
  return { slack, teams: { card: cardIn(teams), activityId: teams.activityId! } };
}

async function teamsCardOf(reference: string) {
  const posted = await t.teams.connector.waitFor(
    "send",
    (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION && Array.isArray(c.body.attachments) && cardText(c.body).includes(reference),
  );
  return { card: cardIn(posted), activityId: posted.responseId! };
}

describe("approval stages by risk, through Slack and Teams", () => {
  it("routes by tier, decides each stage once when two channels click at the same moment, and approves after the last stage", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Two stage tool" });
    const request = (await t.aims.core.requests.find(reference))!;
    expect(request).toMatchObject({ riskTier: "low", approvalPolicyVersion: 3 });
    expect(request.approvalStages).toEqual([
      { id: "approval", name: "Approver", rule: "anyOf", holders: ["role:approver"], step: 1, deadlineHours: 16, escalateAfterHours: 8 },
      { id: "owner", name: "AIMS owner", rule: "anyOf", holders: ["role:owner"], step: 2, deadlineHours: 16, escalateAfterHours: 8 },
    ]);

    const posted = t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;
    expect(textOf(posted.args.blocks)).toContain("Approval stages");
    expect(textOf(posted.args.blocks)).toContain("waiting for the approvers");
    expect(textOf(posted.args.blocks)).toContain("opens once the stages before it are approved");
    expect(buttonValue(posted, decisionIds.approve)).toBe(decisionValue(reference, 1, "approval"));
    const teamsCard = await teamsCardOf(reference);
    expect(actionOf(teamsCard.card, "request.approve")).toMatchObject({ title: "Approve · Approver", data: { reference, revision: 1, stageId: "approval" } });

    // Stage 1: an approver in Slack and one in Teams click at the same moment.
    const [slackUrl, teamsClick] = await Promise.all([
      clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(posted, decisionIds.approve), approvalTs),
      clickTeamsDecision(t, TEAMS_APPROVERS[0], teamsCard, "request.approve"),
    ]);
    const stage1 = await t.aims.core.prisma.requestStageDecision.findMany({ where: { requestId: request.id } });
    expect(stage1).toHaveLength(1);
    expect(stage1[0]).toMatchObject({ stageId: "approval", slot: "any", outcome: "approved" });
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
    if (stage1[0]!.deciderChannel === "slack") {
      expect(expectMessageResponse(teamsClick.body)).toContain(`${reference} was already decided by`);
    } else {
      const told = await t.fake.waitForResponseUrlPost((p) => p.url === slackUrl);
      expect(textOf(told.body)).toContain("was already decided by Alex Approver");
    }

    const { slack, teams } = await latestMessages(reference, approvalTs, "Approved by", "Approve · AIMS owner");
    expect(textOf(slack.args.blocks)).toContain("waiting for the AIMS owners");
    expect(buttonValue(slack, decisionIds.approve)).toBe(decisionValue(reference, 1, "owner"));
    expect(cardText(teams.card)).toContain("Approved by");

    // Whoever decided stage 1 may not decide stage 2; an approver without the owner role is told who decides it.
    const notOwner = await clickTeamsDecision(t, TEAMS_APPROVERS[1], teams, "request.approve");
    expect(expectMessageResponse(notOwner.body)).toBe("The AIMS owner stage is decided by any of role:owner.");

    // Stage 2: the Slack owner and the Teams owner at the same moment; the request is approved once.
    const [ownerUrl, ownerTeams] = await Promise.all([
      clickDecision(t, OWNERS[0], decisionIds.approve, buttonValue(slack, decisionIds.approve), approvalTs),
      clickTeamsDecision(t, TEAMS_OTHER, teams, "request.approve"),
    ]);
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("approved"));
    const all = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference }, include: { stageDecisions: true, decisions: true, aiSystem: true } });
    expect(all.stageDecisions.map((d) => d.stageId).sort()).toEqual(["approval", "owner"]);
    expect(all.decisions).toHaveLength(1);
    expect(await t.aims.core.prisma.aiSystem.count({ where: { requestId: all.id } })).toBe(1);
    const ownerDecision = all.stageDecisions.find((d) => d.stageId === "owner")!;
    if (ownerDecision.deciderChannel === "slack") expect(expectMessageResponse(ownerTeams.body)).toContain("was already decided");
    else expect(textOf((await t.fake.waitForResponseUrlPost((p) => p.url === ownerUrl)).body)).toContain("was already decided");

    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: { in: [reference, all.aiSystem!.reference] } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["request.submitted", "request.stage_approved", "request.approved", "register.added"]);
    const outcome = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(`${reference} for Two stage tool: approved`));
    expect(textOf(outcome.args.blocks)).toContain("AI system register");
  });

  it("routes a request its EU AI Act answers make high risk by its final tier and class, not by the form's own tier", async () => {
    const { reference } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Screening assistant", aiact_annex_iii: ["employment"] });
    const request = (await t.aims.core.requests.find(reference))!;
    expect(request).toMatchObject({ riskTier: "high", aiActOutcome: "high_risk" });
    expect((request.approvalStages as { id: string }[]).map((stage) => stage.id)).toEqual(["owner-review"]);
  });

  it("runs parallel stages, needs one of each holder in an all-of stage, and a refusal at any stage decides the request", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Parallel tool", dataCategories: ["personal"] });
    const request = (await t.aims.core.requests.find(reference))!;
    expect(request.riskTier).toBe("medium");
    const posted = t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;
    const values = (posted.args.blocks as { elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.action_id === decisionIds.approve)
      .map((e) => e.value);
    expect(values).toEqual([decisionValue(reference, 1, "approval"), decisionValue(reference, 1, "board")]);
    // A button that names no stage (the App Home's) could land on a stage its clicker never saw: refused.
    const homeUrl = await clickDecision(t, APPROVERS[0], decisionIds.approve, decisionValue(reference, 1), approvalTs);
    expect(textOf((await t.fake.waitForResponseUrlPost((p) => p.url === homeUrl)).body)).toContain("goes through several approval stages");

    // The board needs an approver and an owner: the approver's place first, from Teams.
    const card = await teamsCardOf(reference);
    const boardApprove = card.card.actions!.find((a) => a.verb === "request.approve" && a.data.stageId === "board")!;
    const board = await t.teams.invoke(TEAMS_APPROVERS[1], { verb: "request.approve", data: boardApprove.data, replyToId: card.activityId, conversation: { id: TEAMS_APPROVALS_CONVERSATION, type: "channel" } });
    const afterBoard = expectCardResponse(board.body);
    expect(cardText(afterBoard)).toContain("waiting for the AIMS owners");
    expect(await t.aims.core.prisma.requestStageDecision.findMany({ where: { requestId: request.id } })).toEqual([
      expect.objectContaining({ stageId: "board", slot: "role:approver", deciderChannel: "teams" }),
    ]);

    // The owner's place: the AIMS owner asks for changes from Slack, with a reason; the request goes back to the requester.
    const opens = t.fake.callsTo("views.open").length;
    await clickDecision(t, OWNERS[0], decisionIds.requestChanges, decisionValue(reference, 1, "board"), approvalTs);
    const [modal] = (await t.fake.waitForCount("views.open", opens + 1)).slice(opens);
    const view = modal.response.view as { id: string; callback_id: string; private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toMatchObject({ reference, revision: 1, stageId: "board", outcome: "changes_requested" });
    await t.slack.submitView(OWNERS[0], { ...view, state: { values: { reason: { value: { type: "plain_text_input", value: "Say which personal data." } } } } });
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("changes_requested"));
    const decided = await t.aims.core.prisma.requestStageDecision.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
    expect(decided.map((d) => [d.stageId, d.slot, d.outcome])).toEqual([
      ["board", "role:approver", "approved"],
      ["board", "role:owner", "changes_requested"],
    ]);
    const dm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(`${reference} for Parallel tool: changes requested`));
    expect(textOf(dm.args.blocks)).toContain("Say which personal data.");
  });

  it("approves on conditions at each stage: the register entry keeps them, the requester and the register show them", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Conditional tool" });
    const posted = t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;

    // Stage 1 in Slack: the conditions are asked for in a modal, and needed.
    const opens = t.fake.callsTo("views.open").length;
    await clickDecision(t, APPROVERS[1], decisionIds.approveWithConditions, buttonValue(posted, decisionIds.approveWithConditions), approvalTs);
    const [modal] = (await t.fake.waitForCount("views.open", opens + 1)).slice(opens);
    const view = modal.response.view as { id: string; callback_id: string; private_metadata: string };
    const empty = await t.slack.submitView(APPROVERS[1], { ...view, state: { values: { reason: { value: { type: "plain_text_input", value: " " } } } } });
    expect(((await empty.json()) as { errors: unknown }).errors).toEqual({ reason: "Please write the conditions of the approval." });
    await t.slack.submitView(APPROVERS[1], { ...view, state: { values: { reason: { value: { type: "plain_text_input", value: "Internal data only" } } } } });
    const { teams } = await latestMessages(reference, approvalTs, "Internal data only", "Approve · AIMS owner");

    // Stage 2 in Teams: Conditions with an empty box asks for them; with text, approves.
    const askConditions = await clickTeamsDecision(t, TEAMS_OTHER, teams, "request.approve_conditions", " ");
    expect(cardText(expectCardResponse(askConditions.body))).toContain("Please write the conditions of the approval.");
    const approved = await clickTeamsDecision(t, TEAMS_OTHER, teams, "request.approve_conditions", "Pilot for the support team");
    expect(cardText(expectCardResponse(approved.body))).toContain("Pilot for the support team");

    const system = await t.aims.core.prisma.aiSystem.findFirstOrThrow({ where: { request: { reference } } });
    expect(system.conditions).toEqual(["Internal data only", "Pilot for the support team"]);
    const dm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(`${reference} for Conditional tool: approved`));
    expect(textOf(dm.args.blocks)).toContain("Approved on these conditions:* Internal data only; Pilot for the support team");

    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "register Conditional", { responseUrl });
    const listed = await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl);
    expect(textOf(listed.body)).toContain("Internal data only; Pilot for the support team");
    const { reply } = await t.teams.ask(TEAMS_APPROVERS[0], "register Conditional");
    expect(cardText(reply.body)).toContain("Internal data only; Pilot for the support team");
  });
});
