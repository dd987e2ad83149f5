import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUEST_FIELDS } from "../../../src/features/requests/request-form.js";
import { euAiActDefinition } from "../../../src/features/classification/classification-definition.js";
import { startTestAims, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import {
  channelConversation,
  personalChatId,
  TEAMS_APPROVALS_CONVERSATION,
  TEAMS_APPROVERS,
  TEAMS_EMPLOYEE,
  TEAMS_OTHER,
} from "../../support/teams-activities.js";
import {
  actionOf,
  cardIn,
  cardText,
  clickTeamsDecision,
  expectCardResponse,
  expectChannelPostsAddressNoOne,
  expectMessageResponse,
  openTeamsForm,
  submitTeamsRequest,
  teamsFormData,
} from "./teams-steps.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

const approvalOf = (submitted: Awaited<ReturnType<typeof submitTeamsRequest>>) => ({
  card: submitted.approvalCard,
  activityId: submitted.approval.responseId!,
});

describe("AI tool requests entirely in Teams", () => {
  it("welcomes on install, says that it runs without authentication, and answers unknown text with help", async () => {
    const welcome = await t.teams.connector.waitFor("send", (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION);
    expect(String(welcome.body.text)).toContain("I'm AIMS");
    expect(String(welcome.body.text)).toContain("**request**");
    expect(t.logs()).toContain("WITHOUT authentication (no MICROSOFT_APP_ID): for local testing only");

    const { reply: help } = await t.teams.ask(TEAMS_OTHER, "what can you do?");
    expect(String(help.body.text)).toContain("**status**");
  });

  it("builds the form from the shared field definitions, within Teams' card limits", async () => {
    const { card, submit } = await openTeamsForm(t, TEAMS_EMPLOYEE);
    expect(card.version).toBe("1.5");
    const inputs = card.body.filter((element) => String(element.type).startsWith("Input."));
    const classification = euAiActDefinition().questions.map((question) => `aiact_${question.id}`);
    expect(inputs.map((input) => input.id)).toEqual([...REQUEST_FIELDS.map((field) => field.id), ...classification]);
    expect(inputs.find((input) => input.id === "toolName")).toMatchObject({ type: "Input.Text", maxLength: 80 });
    expect(inputs.find((input) => input.id === "purpose")).toMatchObject({ isMultiline: true, maxLength: 1500 });
    expect(inputs.find((input) => input.id === "userCount")).toMatchObject({ type: "Input.Number", min: 1, max: 1_000_000 });
    expect(inputs.find((input) => input.id === "dataCategories")).toMatchObject({ type: "Input.ChoiceSet", isMultiSelect: true });
    expect(submit).toMatchObject({ type: "Action.Execute", verb: "request.submit" });
  });

  it("submits, posts the approvals card, and on approval replaces it for everyone and tells the requester", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE);
    const { reference, approvalCard } = submitted;
    expect(cardText(approvalCard)).toContain("Otter Transcribe");
    expect(cardText(approvalCard)).toContain("Eve Employee");
    expect(approvalCard.actions!.map((a) => [a.type, a.verb])).toEqual([
      ["Action.Execute", "request.approve"],
      ["Action.Execute", "request.approve_conditions"],
      ["Action.Execute", "request.reject"],
      ["Action.Execute", "request.changes"],
    ]);

    const { status, body } = await clickTeamsDecision(t, TEAMS_APPROVERS[0], approvalOf(submitted), "request.approve");
    expect(status).toBe(200);
    const decided = expectCardResponse(body);
    expect(cardText(decided)).toContain("**Approved** by Alex Approver");
    expect(decided.actions).toBeUndefined();

    const update = await t.teams.connector.waitFor("update", (c) => c.activityId === submitted.approval.responseId);
    expect(update.conversationId).toBe(TEAMS_APPROVALS_CONVERSATION);
    expect(cardText(cardIn(update))).toContain("**Approved** by Alex Approver");

    const told = await t.teams.connector.waitFor(
      "send",
      (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes(`${reference}`) && cardText(c.body).includes("Approved"),
    );
    expect(cardText(cardIn(told))).toMatch(/AI system register as \*\*SYS-\d{4}\*\*/);

    const { prisma } = t.aims.core;
    const request = await prisma.aiToolRequest.findUniqueOrThrow({ where: { reference }, include: { aiSystem: true } });
    expect(request).toMatchObject({ status: "approved", requesterChannel: "teams", requesterId: TEAMS_EMPLOYEE.aadObjectId });
    expect(request.aiSystem).toMatchObject({ ownerChannel: "teams", ownerId: TEAMS_EMPLOYEE.aadObjectId });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: reference }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorChannel, e.actorId])).toEqual([
      ["request.submitted", "teams", TEAMS_EMPLOYEE.aadObjectId],
      ["request.approved", "teams", TEAMS_APPROVERS[0].aadObjectId],
    ]);
    // The channel's stored reference names whoever spoke there last, who is not whom the post is for.
    expectChannelPostsAddressNoOne(t.teams.connector);
  });

  it("answers invalid input with the form again: errors next to their fields, everything typed kept, nothing saved", async () => {
    const before = await t.aims.core.prisma.aiToolRequest.count();
    const { submit, call } = await openTeamsForm(t, TEAMS_EMPLOYEE);
    const bad = { ...VALID_REQUEST, toolName: " ", url: "ftp://example.com", purpose: "short", dataCategories: [], customerFacing: undefined };
    const { body } = await t.teams.invoke(TEAMS_EMPLOYEE, {
      verb: submit.verb,
      data: { ...submit.data, ...teamsFormData(bad) },
      replyToId: call.responseId,
    });
    const card = expectCardResponse(body);
    const errorAfter = (id: string) => {
      const index = card.body.findIndex((element) => element.id === id);
      const next = card.body.slice(index + 1).find((element) => !String(element.isSubtle ?? ""));
      return next?.color === "attention" ? next.text : undefined;
    };
    expect(errorAfter("purpose")).toBe("Purpose needs at least 10 characters");
    expect(errorAfter("toolName")).toBe("Tool name needs at least 2 characters");
    expect(errorAfter("url")).toMatch(/https:\/\//);
    expect(errorAfter("dataCategories")).toBe("Choose at least one kind of data");
    expect(errorAfter("customerFacing")).toMatch(/yes or no/);
    expect(errorAfter("vendor")).toBeUndefined();
    expect(card.body.find((element) => element.id === "vendor")).toMatchObject({ value: "Otter.ai" });
    expect(card.body.find((element) => element.id === "purpose")).toMatchObject({ value: "short" });
    expect(card.body.find((element) => element.id === "userCount")).toMatchObject({ value: 12 });
    expect(actionOf(card, "request.submit").data).toEqual(submit.data);
    expect(await t.aims.core.prisma.aiToolRequest.count()).toBe(before);
  });

  it("answers text the database cannot store (a NUL byte) with the form again and the error next to that field", async () => {
    const before = await t.aims.core.prisma.aiToolRequest.count();
    const { submit, call } = await openTeamsForm(t, TEAMS_EMPLOYEE);
    const { body } = await t.teams.invoke(TEAMS_EMPLOYEE, {
      verb: submit.verb,
      data: { ...submit.data, ...teamsFormData({ ...VALID_REQUEST, purpose: "Transcribe meetings\u0000 for the team" }) },
      replyToId: call.responseId,
    });
    const card = expectCardResponse(body);
    const purpose = card.body.findIndex((element) => element.id === "purpose");
    expect(card.body.slice(purpose + 1).find((element) => element.color === "attention")?.text).toBe(
      "Contains a character that cannot be stored; remove it and try again",
    );
    expect(await t.aims.core.prisma.aiToolRequest.count()).toBe(before);
  });

  it("treats a second click on the same form as the same request", async () => {
    const { submit } = await openTeamsForm(t, TEAMS_EMPLOYEE);
    const data = { ...submit.data, ...teamsFormData({ ...VALID_REQUEST, toolName: "Clicked twice" }) };
    await t.teams.invoke(TEAMS_EMPLOYEE, { verb: submit.verb, data });
    await t.teams.invoke(TEAMS_EMPLOYEE, { verb: submit.verb, data });
    expect(await t.aims.core.prisma.aiToolRequest.count({ where: { toolName: "Clicked twice" } })).toBe(1);
  });

  it("refuses a decision from someone who is not a Teams approver, and changes nothing", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Not yours" });
    const { body } = await clickTeamsDecision(t, TEAMS_OTHER, approvalOf(submitted), "request.approve");
    expect(expectMessageResponse(body)).toBe("Only the AIMS approvers can decide AI tool requests.");
    expect((await t.aims.core.requests.find(submitted.reference))!.status).toBe("pending");
  });

  it("never lets approvers decide their own request", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_APPROVERS[1], { ...VALID_REQUEST, toolName: "My own" });
    const { body } = await clickTeamsDecision(t, TEAMS_APPROVERS[1], approvalOf(submitted), "request.approve");
    expect(expectMessageResponse(body)).toContain("You cannot decide your own request");
    expect((await t.aims.core.requests.find(submitted.reference))!.status).toBe("pending");
  });

  it("lets exactly one of two approvers clicking at once decide, and tells the other who did", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Race" });
    const answers = await Promise.all(
      TEAMS_APPROVERS.map((approver) => clickTeamsDecision(t, approver, approvalOf(submitted), "request.approve")),
    );
    const request = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({
      where: { reference: submitted.reference },
      include: { decisions: true },
    });
    expect(request.decisions).toHaveLength(1);
    const winner = TEAMS_APPROVERS.find((a) => a.aadObjectId === request.decisions[0].deciderId)!;
    const loser = answers[TEAMS_APPROVERS.indexOf(winner) === 0 ? 1 : 0];
    expect(expectMessageResponse(loser.body)).toBe(`${submitted.reference} was already decided by ${winner.name}.`);
    expect(await t.aims.core.prisma.aiSystem.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("needs a reason to reject, then rejects and tells the requester", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Rejectable" });
    const empty = await clickTeamsDecision(t, TEAMS_APPROVERS[0], approvalOf(submitted), "request.reject", "  ");
    const again = expectCardResponse(empty.body);
    expect(cardText(again)).toContain("Please give a reason for rejecting.");
    expect(again.actions).toHaveLength(4);
    expect((await t.aims.core.requests.find(submitted.reference))!.status).toBe("pending");

    const { body } = await clickTeamsDecision(t, TEAMS_APPROVERS[0], approvalOf(submitted), "request.reject", "Not for customer data.");
    expect(cardText(expectCardResponse(body))).toContain("Not for customer data.");
    await t.teams.connector.waitFor(
      "send",
      (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes(submitted.reference) && cardText(c.body).includes("Rejected"),
    );
  });

  it("runs request changes → edit (prefilled) → resubmit → approval of the new revision", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Needs work" });
    await clickTeamsDecision(t, TEAMS_APPROVERS[0], approvalOf(submitted), "request.changes", "Which customer data goes in?");
    const told = await t.teams.connector.waitFor(
      "send",
      (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes("Changes requested") && cardText(c.body).includes(submitted.reference),
    );
    const edit = actionOf(cardIn(told), "request.edit");

    const stranger = await t.teams.invoke(TEAMS_OTHER, { verb: edit.verb, data: edit.data });
    expect(expectMessageResponse(stranger.body)).toBe("Only the person who made the request can change it.");

    const { body } = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: edit.verb, data: edit.data, replyToId: told.responseId });
    const form = expectCardResponse(body);
    expect(cardText(form)).toContain("Which customer data goes in?");
    expect(form.body.find((element) => element.id === "toolName")).toMatchObject({ value: "Needs work" });
    expect(form.body.find((element) => element.id === "dataCategories")).toMatchObject({ value: "internal" });

    const resubmit = actionOf(form, "request.resubmit");
    const changed = { ...VALID_REQUEST, toolName: "Needs work", dataCategories: ["internal", "customer"] };
    const receipt = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: resubmit.verb, data: { ...resubmit.data, ...teamsFormData(changed) } });
    expect(cardText(expectCardResponse(receipt.body))).toContain("(resubmitted)");

    const pendingAgain = await t.teams.connector.waitFor(
      "update",
      (c) => c.activityId === submitted.approval.responseId && cardText(c.body).includes("revision 2"),
    );
    const card = cardIn(pendingAgain);
    expect(actionOf(card, "request.approve").data).toEqual({ reference: submitted.reference, revision: 2 });
    await clickTeamsDecision(t, TEAMS_APPROVERS[1], { card, activityId: submitted.approval.responseId! }, "request.approve");
    const request = await t.aims.core.requests.find(submitted.reference);
    expect(request).toMatchObject({ status: "approved", revision: 2, riskTier: "medium" });
  });

  it("lists the person's requests on status, also when asked by @mention in a channel", async () => {
    const { reply: status } = await t.teams.ask(TEAMS_EMPLOYEE, "status", channelConversation("19:general@thread.tacv2"));
    expect(status.conversationId).toBe("19:general@thread.tacv2");
    expect(cardText(status.body)).toContain("Your AI tool requests");
    expect(cardText(status.body)).toContain("Otter Transcribe");
    expect(cardText(status.body)).toContain("Approved");
  });

  it("reaches a requester who only ever used a channel by opening a 1:1 chat", async () => {
    const general = channelConversation("19:general@thread.tacv2");
    const newcomer = { aadObjectId: "00000000-0000-4000-8000-0000000000c1", id: "29:1channel-only", name: "Chan Only" };
    const submitted = await submitTeamsRequest(t, newcomer, { ...VALID_REQUEST, toolName: "From a channel" }, general);
    await clickTeamsDecision(t, TEAMS_APPROVERS[0], approvalOf(submitted), "request.approve");
    const created = await t.teams.connector.waitFor("createConversation", (c) => cardText(c.body).includes(newcomer.id));
    expect(created.body).toMatchObject({ isGroup: false, members: [{ id: newcomer.id }], tenantId: expect.any(String) });
    await t.teams.connector.waitFor("send", (c) => c.conversationId === created.responseId && cardText(c.body).includes(submitted.reference));
  });

  it("keeps conversation references in the database: after a restart the requester is still told", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Across restarts" });
    await t.restart();
    expect(await t.aims.core.prisma.teamsConversation.count({ where: { conversationId: personalChatId(TEAMS_EMPLOYEE) } })).toBe(1);
    await clickTeamsDecision(t, TEAMS_APPROVERS[0], approvalOf(submitted), "request.approve");
    await t.teams.connector.waitFor(
      "send",
      (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes(submitted.reference) && cardText(c.body).includes("Approved"),
    );
    await eventually(async () => expect((await t.aims.core.requests.find(submitted.reference))!.status).toBe("approved"));
  });

  it("retries card updates and proactive messages that Teams throttles or refuses for a moment", async () => {
    const submitted = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Throttled" });
    t.teams.connector.failNext("update", 412);
    t.teams.connector.failNext("update", 502);
    t.teams.connector.failNext("send", 429);
    await clickTeamsDecision(t, TEAMS_APPROVERS[0], approvalOf(submitted), "request.approve");
    await t.teams.connector.waitFor("update", (c) => c.activityId === submitted.approval.responseId && cardText(c.body).includes("Approved"), 15_000);
    await t.teams.connector.waitFor("send", (c) => c.conversationId === personalChatId(TEAMS_EMPLOYEE) && cardText(c.body).includes(submitted.reference), 15_000);
    const failed = t.teams.connector.calls.filter((c) => c.status >= 400 && c.status !== 413).map((c) => c.status);
    expect(failed).toEqual(expect.arrayContaining([412, 502, 429]));
  });
});

