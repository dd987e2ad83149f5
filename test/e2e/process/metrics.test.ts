import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/core/clock.js";
import { APPROVALS_CHANNEL, APPROVERS, EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { buttonValue, clickDecision, decisionIds, submitRequest } from "../../support/request-steps.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { TEAMS_EMPLOYEE } from "../../support/teams-activities.js";
import { eventually } from "../../support/eventually.js";
import { sample, scrapeMetrics } from "../../support/metrics-text.js";
import { SCHEDULING_ENV } from "../slack/scheduling/scheduling-steps.js";

const TOKEN = "metrics-token-for-tests-0123456789";

const scrape = (url: string, authorization?: string) =>
  fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });

const exposition = (t: TestAims) => scrapeMetrics(t.aims.url, TOKEN);

describe("metrics behind METRICS_TOKEN on the main port", () => {
  let t: TestAims;
  beforeAll(async () => {
    t = await startTestAims({ teams: true, env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("answers 401 without the token or with a wrong one, and the Prometheus text format with it", async () => {
    expect((await scrape(t.aims.url)).status).toBe(401);
    expect((await scrape(t.aims.url, "Bearer not-the-token-at-all")).status).toBe(401);
    expect((await scrape(t.aims.url, TOKEN)).status).toBe(401);

    const response = await scrape(t.aims.url, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain("# TYPE aims_ack_duration_seconds histogram");
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter");
    expect(sample(text, "aims_db_pool_connections")).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^aims_db_pool_waiting_requests \d+$/m);
    expect(text).toMatch(/^aims_scheduler_due_deliveries \d+$/m);
    expect(text).toMatch(/^aims_scheduler_seconds_since_tick [\d.e+-]+$/m);
    expect(text).toMatch(/^aims_db_connection_wait_seconds_count \d+$/m);
  });

  it("times the acknowledgement of /aims status and of an Approve click by handler, and counts Slack's 429s", async () => {
    expect((await t.slack.command(EMPLOYEE, "status")).status).toBe(200);
    const { approvalTs } = await submitRequest(t, EMPLOYEE);
    const approval = t.fake.callsTo("chat.postMessage").find((call) => call.args.channel === APPROVALS_CHANNEL && call.args.ts === undefined && String(call.response.ts) === approvalTs)!;
    const before = sample(await exposition(t), "aims_slack_rate_limited_total", { method: "chat.update" });

    t.fake.rateLimit("chat.update", { times: 1, retryAfterSeconds: 1 });
    await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    await t.fake.waitFor("chat.update", (call) => call.args.ts === approvalTs && call.response.ok === true);

    const text = await exposition(t);
    const ackCount = (surface: string, handler: string) => sample(text, "aims_ack_duration_seconds_count", { channel: "slack", surface, handler });
    expect(ackCount("slash_command", "status")).toBeGreaterThanOrEqual(1);
    expect(ackCount("block_action", decisionIds.approve)).toBeGreaterThanOrEqual(1);
    expect(ackCount("view_submission", "request.submit")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "aims_reply_duration_seconds_count", { channel: "slack", surface: "slash_command", handler: "status" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "aims_slack_rate_limited_total", { method: "chat.update" })).toBe(before + 1);
  });

  it("counts outbox deliveries and retries, shows the outbox's depth, and the audit chain's sealing lag", async () => {
    const { approvalTs } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Metered Tool" });
    const approval = t.fake.callsTo("chat.postMessage").find((call) => call.args.channel === APPROVALS_CHANNEL && String(call.response.ts) === approvalTs)!;
    t.fake.failNext("chat.update", "service_unavailable");
    await clickDecision(t, APPROVERS[0], decisionIds.approve, buttonValue(approval, decisionIds.approve), approvalTs);
    await t.fake.waitFor("chat.update", (call) => call.args.ts === approvalTs && call.response.ok === true, 15_000);

    const text = await eventually(async () => {
      const text = await exposition(t);
      expect(sample(text, "aims_outbox_deliveries_total", { outcome: "retry" })).toBeGreaterThanOrEqual(1);
      expect(sample(text, "aims_outbox_deliveries_total", { outcome: "delivered" })).toBeGreaterThanOrEqual(2);
      expect(sample(text, "aims_audit_seal_wait_seconds_count")).toBeGreaterThanOrEqual(1);
      return text;
    }, 10_000);
    expect(text).toMatch(/^aims_outbox_pending_deliveries \d+$/m);
    expect(text).toMatch(/^aims_outbox_failed_deliveries 0$/m);
  });

  it("labels handlers with the bot's own names only, never with what someone typed", async () => {
    await t.slack.command(EMPLOYEE, "do-something-secret with words");
    const { status } = await t.teams.ask(TEAMS_EMPLOYEE, "status");
    expect(status).toBe(200);
    const text = await eventually(async () => {
      const scraped = await exposition(t);
      expect(sample(scraped, "aims_ack_duration_seconds_count", { channel: "teams", surface: "message", handler: "status" })).toBeGreaterThanOrEqual(1);
      return scraped;
    });
    expect(sample(text, "aims_ack_duration_seconds_count", { channel: "slack", surface: "slash_command", handler: "other" })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain("do-something-secret");
    expect(text).not.toContain(EMPLOYEE);
    expect(text).not.toContain(TEAMS_EMPLOYEE.aadObjectId);
  });
});

describe("metrics on METRICS_PORT", () => {
  const clock = fixedClock(new Date("2027-02-01T10:00:00Z")); // a Monday, in working hours in London
  let t: TestAims;
  beforeAll(async () => {
    t = await startTestAims({ clock, env: { ...SCHEDULING_ENV, SLACK_MANAGERS_CHANNEL: "", METRICS_PORT: "0" } });
  });
  const scrapeText = async () => (await scrape(t.aims.metricsUrl!)).text();
  afterAll(async () => {
    await t?.stop();
  });

  it("serves /metrics on the metrics port only; the main port answers 404", async () => {
    expect(t.aims.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await scrape(t.aims.metricsUrl!);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("# TYPE aims_reply_duration_seconds histogram");
    expect((await fetch(`${t.aims.metricsUrl}/healthz`)).status).toBe(404);
    expect((await scrape(t.aims.url)).status).toBe(404);
  });

  it("reports the scheduler's backlog and lag, and counts deliveries sent and retried", async () => {
    const review = (title: string) =>
      t.aims.core.scheduling.reviews.saveSchedule({ channel: "slack", id: OWNERS[0] }, { kind: "other", title, ownerId: EMPLOYEE, intervalMonths: 12, nextDueAt: "2027-02-15" });
    await review("Metrics review one");
    await review("Metrics review two");
    const { scheduler } = t.aims.core.scheduling;
    expect(await scheduler.enqueueDue()).toBe(2);
    clock.set(new Date("2027-02-01T10:10:00Z"));

    let text = await scrapeText();
    expect(sample(text, "aims_scheduler_due_deliveries")).toBe(2);
    expect(sample(text, "aims_scheduler_oldest_due_seconds")).toBeGreaterThanOrEqual(600);
    expect(text).not.toMatch(/^aims_scheduler_seconds_since_tick /m); // AIMS_SCHEDULER_ENABLED=false here

    t.fake.failNext("chat.postMessage", "internal_error");
    await scheduler.tick();
    text = await scrapeText();
    expect(sample(text, "aims_scheduled_deliveries_total", { channel: "slack", outcome: "sent" })).toBe(1);
    expect(sample(text, "aims_scheduled_deliveries_total", { channel: "slack", outcome: "retry" })).toBe(1);
    expect(sample(text, "aims_scheduler_due_deliveries")).toBe(1);
    expect(sample(text, "aims_scheduler_tick_duration_seconds_count")).toBe(1);
  });
});

describe("metrics with neither METRICS_PORT nor METRICS_TOKEN", () => {
  let t: TestAims;
  beforeAll(async () => {
    t = await startTestAims();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("are off: /metrics is 404 and the start-up report says how to turn them on", async () => {
    expect(t.aims.metricsUrl).toBeUndefined();
    expect((await scrape(t.aims.url)).status).toBe(404);
    expect((await scrape(t.aims.url, `Bearer ${TOKEN}`)).status).toBe(404);
    expect(t.logs()).toContain("metrics: off. Set METRICS_PORT");
  });
});
