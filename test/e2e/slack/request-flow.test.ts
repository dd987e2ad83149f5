import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, decisionValue, submitRequest } from "../../support/request-steps.js";
import { eventually } from "../../support/eventually.js";
import { UNSTORABLE_TEXT_MESSAGE } from "../../../src/core/storable-text.js";

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims();
});
afterAll(async () => {
  await t?.stop();
});

const textOf = (body: unknown) => JSON.stringify(body);

describe("AI tool request, end to end through Slack", () => {
  it("submits, posts for approval, DMs a receipt, and on approval updates the message and fills the register", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE);
    expect(reference).toMatch(/^REQ-\d{4}$/);

    const approval = t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;
    expect(textOf(approval.args.blocks)).toContain("Otter Transcribe");
    expect(textOf(approval.args.blocks)).toContain("Low");
    const approveValue = buttonValue(approval, decisionIds.approve);
    buttonValue(approval, decisionIds.reject);
    buttonValue(approval, decisionIds.requestChanges);

    const receipt = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(reference));
    expect(textOf(receipt.args.blocks)).toContain("is with the AIMS approvers");

    await clickDecision(t, APPROVERS[0], decisionIds.approve, approveValue, approvalTs);

    const update = await t.fake.waitFor("chat.update", (c) => c.args.ts === approvalTs);
    expect(update.response.ok).toBe(true);
    expect(textOf(update.args.blocks)).toContain(`*Approved* by <@${APPROVERS[0]}>`);
    expect(textOf(update.args.blocks)).not.toContain(decisionIds.approve);

    const outcome = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes("approved"));
    expect(textOf(outcome.args.blocks)).toMatch(/AI system register as \*SYS-\d{4}\*/);

    const { prisma } = t.aims.core;
    const request = await prisma.aiToolRequest.findUniqueOrThrow({ where: { reference }, include: { aiSystem: true, decisions: true } });
    expect(request.status).toBe("approved");
    expect(request.controls).toEqual(expect.arrayContaining(["A.4.4", "A.9.2", "A.10.3"]));
    expect(request.decisions).toHaveLength(1);
    expect(request.aiSystem).toMatchObject({ name: "Otter Transcribe", ownerId: EMPLOYEE, status: "active", riskTier: "low" });
    const reviewInMonths = (request.aiSystem!.nextReviewAt.getTime() - request.aiSystem!.approvedAt.getTime()) / (30.44 * 86400_000);
    expect(Math.round(reviewInMonths)).toBe(12);

    const audit = await prisma.auditEvent.findMany({ where: { entityId: { in: [reference, request.aiSystem!.reference] } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["request.submitted", "request.approved", "register.added"]);
    expect(audit[1]).toMatchObject({ actorChannel: "slack", actorId: APPROVERS[0] });
    expect(audit[1].before).toEqual({ status: "pending", revision: 1 });
  });

  it("shows field errors in the modal and saves nothing", async () => {
    const before = await t.aims.core.prisma.aiToolRequest.count();
    const { requestFormState } = await import("../../support/request-form-state.js");
    const response = await t.slack.submitView(EMPLOYEE, {
      callback_id: "request.submit",
      private_metadata: JSON.stringify({ formId: "k-field-errors" }),
      state: {
        values: requestFormState({ ...VALID_REQUEST, toolName: "  ", url: "ftp://example.com", purpose: "short", dataCategories: [], customerFacing: undefined }),
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors).sort()).toEqual(["customerFacing", "dataCategories", "purpose", "toolName", "url"]);
    expect(body.errors.purpose).toBe("Purpose needs at least 10 characters");
    expect(await t.aims.core.prisma.aiToolRequest.count()).toBe(before);
  });

  it.each([
    ["a NUL byte", "Otter\u0000Transcribe"],
    ["a lone surrogate", "Otter \ud800 Transcribe"],
  ])("answers text with %s, which the database cannot store, with a field error and saves nothing", async (_name, toolName) => {
    const before = await t.aims.core.prisma.aiToolRequest.count();
    const { requestFormState } = await import("../../support/request-form-state.js");
    const response = await t.slack.submitView(EMPLOYEE, {
      callback_id: "request.submit",
      private_metadata: JSON.stringify({ formId: `k-unstorable-${before}` }),
      state: { values: requestFormState({ ...VALID_REQUEST, toolName }) },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body).toEqual({ response_action: "errors", errors: { toolName: "Contains a character that cannot be stored; remove it and try again" } });
    expect(await t.aims.core.prisma.aiToolRequest.count()).toBe(before);
  });

  it("treats a second submit of the same modal as the same request", async () => {
    const { view, reference } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Idempotent tool" });
    const { requestFormState } = await import("../../support/request-form-state.js");
    const again = await t.slack.submitView(EMPLOYEE, {
      id: view.id,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: requestFormState({ ...VALID_REQUEST, toolName: "Idempotent tool" }) },
    });
    expect(again.status).toBe(200);
    expect(await t.aims.core.prisma.aiToolRequest.count({ where: { toolName: "Idempotent tool" } })).toBe(1);
    expect(reference).toMatch(/REQ-/);
  });

  it("refuses a click from someone who is not an approver and changes nothing", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Not yours to approve" });
    const approval = t.fake.callsTo("chat.postMessage").find((c) => String(c.args.text).includes(reference) && c.args.channel === APPROVALS_CHANNEL)!;
    const responseUrl = await clickDecision(t, "URANDOM01", decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    const told = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
    expect(told.body).toMatchObject({ response_type: "ephemeral", text: "Only the AIMS approvers can decide AI tool requests." });
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
  });

  it("never lets approvers decide their own request", async () => {
    const { reference, approvalTs } = await submitRequest(t, APPROVERS[1], { ...VALID_REQUEST, toolName: "My own tool" });
    const approval = t.fake.callsTo("chat.postMessage").find((c) => String(c.args.text).includes(reference) && c.args.channel === APPROVALS_CHANNEL)!;
    const responseUrl = await clickDecision(t, APPROVERS[1], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    const told = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
    expect(textOf(told.body)).toContain("You cannot decide your own request");
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
  });

  it("lets exactly one of two approvers clicking at the same instant decide, and tells the other who did", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Race condition" });
    const approval = t.fake.callsTo("chat.postMessage").find((c) => String(c.args.text).includes(reference) && c.args.channel === APPROVALS_CHANNEL)!;
    const value = buttonValue(approval, decisionIds.approve);
    const urls = await Promise.all(APPROVERS.map((approver) => clickDecision(t, approver, decisionIds.approve, value, approvalTs)));

    const loserPost = await t.fake.waitForResponseUrlPost((p) => urls.includes(p.url));
    expect(textOf(loserPost.body)).toContain("was already decided");
    const request = await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference }, include: { decisions: true, aiSystem: true } });
    expect(request.decisions).toHaveLength(1);
    expect(request.aiSystem).not.toBeNull();
    const winner = request.decisions[0].deciderId;
    expect(loserPost.url).toBe(urls[APPROVERS.indexOf(winner as never) === 0 ? 1 : 0]);
    expect(textOf(loserPost.body)).toContain(`<@${winner}>`);
    expect(await t.aims.core.prisma.aiSystem.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("runs request changes → edit → resubmit → approve of the new revision", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Needs work" });
    const approval = t.fake.callsTo("chat.postMessage").find((c) => String(c.args.text).includes(reference) && c.args.channel === APPROVALS_CHANNEL)!;

    const opensBefore = t.fake.callsTo("views.open").length;
    await clickDecision(t, APPROVERS[0], decisionIds.requestChanges, buttonValue(approval, decisionIds.requestChanges), approvalTs);
    const [reasonModal] = (await t.fake.waitForCount("views.open", opensBefore + 1)).slice(opensBefore);
    const view = reasonModal.response.view as { id: string; callback_id: string; private_metadata: string };

    const emptyReason = await t.slack.submitView(APPROVERS[0], { ...view, state: { values: { reason: { value: { type: "plain_text_input", value: " " } } } } });
    expect(((await emptyReason.json()) as { errors: unknown }).errors).toEqual({ reason: "Please say what should change." });
    const unstorableReason = await t.slack.submitView(APPROVERS[0], { ...view, state: { values: { reason: { value: { type: "plain_text_input", value: "Say\u0000 more" } } } } });
    expect(((await unstorableReason.json()) as { errors: unknown }).errors).toEqual({ reason: UNSTORABLE_TEXT_MESSAGE });

    await t.slack.submitView(APPROVERS[0], {
      ...view,
      state: { values: { reason: { value: { type: "plain_text_input", value: "Please say which customer data goes in." } } } },
    });
    const dm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes("changes requested"));
    const editValue = buttonValue(dm, decisionIds.editRequest);
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("changes_requested"));

    const opensBeforeEdit = t.fake.callsTo("views.open").length;
    await t.slack.action({ userId: EMPLOYEE, channelId: "D0EMPLOYEE", actions: [{ action_id: decisionIds.editRequest, block_id: "edit", value: editValue }] });
    const [editModal] = (await t.fake.waitForCount("views.open", opensBeforeEdit + 1)).slice(opensBeforeEdit);
    const editView = editModal.response.view as { id: string; callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(textOf(editView.blocks)).toContain("Please say which customer data goes in.");
    expect(textOf(editView.blocks)).toContain("Needs work");

    const { requestFormState } = await import("../../support/request-form-state.js");
    const resubmitted = await t.slack.submitView(EMPLOYEE, {
      ...editView,
      state: { values: requestFormState({ ...VALID_REQUEST, toolName: "Needs work", dataCategories: ["customer"] }) },
    });
    expect(resubmitted.status).toBe(200);
    const request = await t.aims.core.requests.find(reference);
    expect(request).toMatchObject({ status: "pending", revision: 2, riskTier: "medium", dataCategories: ["customer"] });

    const refreshed = await t.fake.waitFor("chat.update", (c) => c.args.ts === approvalTs && textOf(c.args.blocks).includes("revision 2"));
    const staleValue = buttonValue(approval, decisionIds.approve);
    const staleUrl = await clickDecision(t, APPROVERS[0], decisionIds.approve, staleValue, approvalTs);
    expect(textOf((await t.fake.waitForResponseUrlPost((p) => p.url === staleUrl)).body)).toContain("was already decided");

    await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(refreshed, decisionIds.approve), approvalTs);
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("approved"));
  });

  it("lists my requests with /aims status", async () => {
    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "status", { responseUrl });
    const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
    expect(textOf(post.body)).toContain("Otter Transcribe");
    expect(textOf(post.body)).toContain("Approved");
    expect(textOf(post.body)).not.toContain("My own tool");
  });

  it("shows my requests and, for approvers, pending ones with buttons in the App Home", async () => {
    await t.slack.event({ type: "app_home_opened", user: APPROVERS[0], channel: "D0HOME", tab: "home" });
    const home = await t.fake.waitFor("views.publish", (c) => c.args.user_id === APPROVERS[0]);
    expect(home.response.ok).toBe(true);
    const blocks = textOf((home.args.view as { blocks: unknown }).blocks);
    expect(blocks).toContain("Waiting for your decision");
    expect(blocks).toContain("Not yours to approve");
    expect(blocks).toContain(decisionIds.approve);

    await t.slack.event({ type: "app_home_opened", user: EMPLOYEE, channel: "D0HOME2", tab: "home" });
    const employeeHome = await t.fake.waitFor("views.publish", (c) => c.args.user_id === EMPLOYEE);
    const employeeBlocks = textOf((employeeHome.args.view as { blocks: unknown }).blocks);
    expect(employeeBlocks).toContain("My requests");
    expect(employeeBlocks).not.toContain("Waiting for your decision");
  });
});

describe("approving from the App Home", () => {
  it("decides and refreshes the approver's Home so the request leaves the waiting list", async () => {
    const { reference } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Approved from Home" });
    const request = (await t.aims.core.requests.find(reference))!;
    await t.slack.event({ type: "app_home_opened", user: APPROVERS[0], channel: "D0HOME", tab: "home" });
    const before = await t.fake.waitFor("views.publish", (c) => textOf(c.args.view).includes(`${reference}: Approved from Home`));
    expect(before.args.user_id).toBe(APPROVERS[0]);
    const publishes = t.fake.callsTo("views.publish").length;
    await t.slack.action({
      userId: APPROVERS[0],
      view: { id: "VHOME0001", type: "home" },
      actions: [{ action_id: decisionIds.approve, block_id: "decide", value: decisionValue(reference, request.revision) }],
    });
    const [home] = (await t.fake.waitForCount("views.publish", publishes + 1)).slice(publishes);
    expect(home.args.user_id).toBe(APPROVERS[0]);
    expect((await t.aims.core.requests.find(reference))!.status).toBe("approved");
    expect(textOf((home.args.view as { blocks: unknown }).blocks)).not.toContain(`${reference}: Approved from Home`);
  });
});
