import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { eventually } from "../../support/eventually.js";
import { VALID_REQUEST, requestFormState } from "../../support/request-form-state.js";
import { buttonValue, clickDecision, decisionIds, openRequestModal, submitRequest } from "../../support/request-steps.js";

describe("when the database goes away", () => {
  let t: TestAims;
  beforeAll(async () => {
    t = await startTestAims();
  });
  afterAll(async () => {
    t.databaseLink.restore();
    await t?.stop();
  });

  it("keeps the modal open with the answers and an explanation, writes nothing, and saves once on retry", async () => {
    const view = await openRequestModal(t, EMPLOYEE);
    const { prisma } = t.aims.core;
    const [requestsBefore, auditBefore] = await Promise.all([prisma.aiToolRequest.count(), prisma.auditEvent.count()]);
    const submission = {
      id: view.id,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: requestFormState({ ...VALID_REQUEST, toolName: "Typed while the database was down" }) },
    };

    t.databaseLink.cut();
    const started = Date.now();
    const response = await t.slack.submitView(EMPLOYEE, submission);
    expect(Date.now() - started).toBeLessThan(3000);
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(body.errors.toolName).toContain("The AIMS database is not reachable right now, so nothing was saved");

    const readyWhileDown = await fetch(`${t.aims.url}/readyz`);
    expect(readyWhileDown.status).toBe(503);
    t.databaseLink.restore();
    expect((await fetch(`${t.aims.url}/readyz`)).status).toBe(200);

    expect(await prisma.aiToolRequest.count()).toBe(requestsBefore);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);

    const retry = await t.slack.submitView(EMPLOYEE, submission);
    expect(await retry.text()).toBe("");
    expect(await prisma.aiToolRequest.count({ where: { toolName: "Typed while the database was down" } })).toBe(1);
  });

  it("tells an approver privately when a decision cannot be saved, and the click works once it is back", async () => {
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Decided during an outage" });
    const approval = t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;
    const value = buttonValue(approval, decisionIds.approve);

    t.databaseLink.cut();
    const responseUrl = await clickDecision(t, APPROVERS[0], decisionIds.approve, value, approvalTs);
    const told = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
    expect((told.body as { text: string }).text).toContain("database is not reachable");
    t.databaseLink.restore();

    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
    await clickDecision(t, APPROVERS[0], decisionIds.approve, value, approvalTs);
    await eventually(async () => expect((await t.aims.core.requests.find(reference))!.status).toBe("approved"));
  });

  it("answers a command privately that the database is down", async () => {
    t.databaseLink.cut();
    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "status", { responseUrl });
    const told = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
    t.databaseLink.restore();
    expect((told.body as { text: string }).text).toContain("database is not reachable");
  });
});

describe("the embedded database", () => {
  let dataDir: string;
  let t: TestAims;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "aims-restart-"));
    t = await startTestAims({ env: { DATABASE_URL: undefined, DATA_DIR: dataDir, DATABASE_POOL_SIZE: "1" } });
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps requests, decisions and the audit trail across a restart", async () => {
    expect(t.aims.database.kind).toBe("embedded");
    const { reference } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Survives restarts" });
    const auditBefore = await t.aims.core.prisma.auditEvent.count();

    await t.restart();

    expect(await t.aims.core.prisma.auditEvent.count()).toBe(auditBefore);
    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "status", { responseUrl });
    const post = await t.fake.waitForResponseUrlPost((p) => p.url === responseUrl);
    expect(JSON.stringify(post.body)).toContain(reference);
    expect(JSON.stringify(post.body)).toContain("Survives restarts");
  });
});

describe("shutting down", () => {
  it("finishes work already acknowledged before closing the database", async () => {
    const t = await startTestAims();
    const { reference, approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Decided while stopping" });
    const approval = t.fake.callsTo("chat.postMessage").find((c) => c.args.channel === APPROVALS_CHANNEL && String(c.args.text).includes(reference))!;
    t.fake.setLatency(400);
    await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    const status = async () => (await t.aims.core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference } })).status;
    const updatesBefore = t.fake.callsTo("chat.update").length;

    const stopped = t.aims.stop();
    await stopped;
    expect(t.fake.callsTo("chat.update").length).toBe(updatesBefore + 1);
    t.fake.setLatency(0);
    await t.restart();
    expect(await status()).toBe("approved");
    await t.stop();
  });
});
